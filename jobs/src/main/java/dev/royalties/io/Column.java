package dev.royalties.io;

import java.io.Serializable;

public record Column(String name, ColumnType type) implements Serializable {}
