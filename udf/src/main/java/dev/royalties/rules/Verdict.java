package dev.royalties.rules;

import java.io.Serializable;

/** A fraud verdict (spec §2, §6). validFrom/validTo of {@link Times#NULL} are open bounds. */
public record Verdict(String verdictId, String subjectType, String subjectId, long validFrom, long validTo,
                      String decision, long decidedAt) implements Serializable {

    public boolean fraud() {
        return "fraud".equals(decision);
    }

    /** Whether [valid_from, valid_to) contains t; an open bound is unbounded. */
    public boolean covers(long t) {
        return (validFrom == Times.NULL || t >= validFrom) && (validTo == Times.NULL || t < validTo);
    }

    public boolean knownAt(long asOf) {
        return decidedAt != Times.NULL && decidedAt <= asOf;
    }
}
