package dev.royalties.rules;

import java.io.Serializable;

/** One consent record of an artist for a scope (spec §2, §7). */
public record Consent(String artistId, String scope, Boolean granted, long effectiveFrom, long recordedAt)
        implements Serializable {}
