package dev.royalties.rules;

/** One ai_violations row: a (usage, artist) pair without licence or consent. Evidence, not a payment. */
public record AiViolation(String usageId, String licenseeId, String modelId, String trackId, String artistId,
                          String scope, long usedAt, long units, String reason) {}
