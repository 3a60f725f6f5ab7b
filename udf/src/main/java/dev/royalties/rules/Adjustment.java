package dev.royalties.rules;

/** One adjustments row: a payment key whose amount changed since the previous complete revision. */
public record Adjustment(String artistId, String source, String country, String product, String licenseeId,
                         String currency, long previousCents, long amountCents, long deltaCents) {}
