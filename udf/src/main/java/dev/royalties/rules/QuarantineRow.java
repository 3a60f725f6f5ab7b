package dev.royalties.rules;

/** A rejected event row, kept as received so that it can be repaired and replayed. */
public record QuarantineRow(String sourceTable, String record, String reason) {}
