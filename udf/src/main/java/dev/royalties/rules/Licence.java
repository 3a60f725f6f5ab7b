package dev.royalties.rules;

import java.io.Serializable;

/** An ai_licences row: what one licensee pays for one scope in one period (an AI pool). */
public record Licence(String licenseeId, String scope, String period, Long amountCents, String currency)
        implements Serializable {}
