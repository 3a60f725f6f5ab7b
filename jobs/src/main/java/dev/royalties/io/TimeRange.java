package dev.royalties.io;

import java.io.Serializable;

/**
 * Row groups whose statistics prove that every value of {@code column} is non-null and outside
 * [fromMicros, toMicros) may be skipped (spec §3: a run may skip data that cannot hold the
 * period's timestamps; rows with a null timestamp are never skipped).
 */
public record TimeRange(String column, long fromMicros, long toMicros) implements Serializable {}
