package dev.royalties.rules;

import java.io.Serializable;

/** A revenue_pools row: the catalogue money of one (period, country, product). */
public record Pool(String period, String country, String product, Long amountCents, String currency)
        implements Serializable {}
