package dev.royalties.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small builders shared by the rule tests, so that each test reads as the rule it checks. */
final class Fixtures {
    static final long ONE = 1_000_000L;
    static final Period OCT = Period.parse("2026-10");
    /** The default run's knowledge cut-off for tests: well after the period. */
    static final long AS_OF = t("2026-11-05T00:00:00Z");

    private Fixtures() {}

    /** An ISO-8601 instant as engine microseconds. */
    static long t(String iso) {
        return Times.parseInstant(iso);
    }

    /** A valid October play of 3 minutes, in DE premium. */
    static Play play(String playId, String userId, String trackId, String playedAt) {
        return new Play(playId, userId, trackId, t(playedAt), 180_000, "DE", "premium");
    }

    static Play play(String playId, String userId, String trackId, long playedAt, int msPlayed) {
        return new Play(playId, userId, trackId, playedAt, msPlayed, "DE", "premium");
    }

    static Usage usage(String usageId, String licenseeId, String trackId, String scope, String usedAt, long units) {
        return new Usage(usageId, licenseeId, "M1", trackId, scope, t(usedAt), units);
    }

    /** A verdict with open validity bounds. */
    static Verdict verdict(String id, String subjectType, String subjectId, String decision, String decidedAt) {
        return new Verdict(id, subjectType, subjectId, Times.NULL, Times.NULL, decision, t(decidedAt));
    }

    static Verdict verdict(String id, String subjectType, String subjectId, Long validFrom, Long validTo,
                           String decision, String decidedAt) {
        return new Verdict(id, subjectType, subjectId, validFrom == null ? Times.NULL : validFrom,
                validTo == null ? Times.NULL : validTo, decision, t(decidedAt));
    }

    static Consent consent(String artistId, String scope, boolean granted, String effectiveFrom, String recordedAt) {
        return new Consent(artistId, scope, granted, t(effectiveFrom), t(recordedAt));
    }

    static Catalogue.Track track(String trackId, String aiContent) {
        return new Catalogue.Track(trackId, "ISRC-" + trackId, 200_000, aiContent);
    }

    /** share given in millionths (1.000000 = 1_000_000). */
    static Catalogue.Right right(String trackId, String artistId, long shareMicros) {
        return new Catalogue.Right(trackId, artistId, shareMicros);
    }

    static Pool pool(String country, String product, long cents) {
        return new Pool("2026-10", country, product, cents, "EUR");
    }

    static Licence licence(String licenseeId, String scope, long cents) {
        return new Licence(licenseeId, scope, "2026-10", cents, "EUR");
    }

    @SafeVarargs
    static <T> List<T> listOf(T... items) {
        return new ArrayList<>(Arrays.asList(items));
    }
}
