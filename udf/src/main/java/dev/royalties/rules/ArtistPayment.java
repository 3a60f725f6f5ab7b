package dev.royalties.rules;

/** One artist_payments row (spec §9). Amounts in cents; country/product null for AI, licensee null for catalogue. */
public record ArtistPayment(String artistId, String source, String country, String product, String licenseeId,
                            long units, long amountCents, String currency) {

    /** The key adjustments compare on between revisions. */
    public String key() {
        return String.join("\u0000", artistId, source, String.valueOf(country), String.valueOf(product),
                String.valueOf(licenseeId), currency);
    }
}
