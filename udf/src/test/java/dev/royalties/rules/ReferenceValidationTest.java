package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.ONE;
import static dev.royalties.rules.Fixtures.consent;
import static dev.royalties.rules.Fixtures.licence;
import static dev.royalties.rules.Fixtures.pool;
import static dev.royalties.rules.Fixtures.right;
import static dev.royalties.rules.Fixtures.t;
import static dev.royalties.rules.Fixtures.track;
import static dev.royalties.rules.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Spec §3: inconsistent reference data stops the run with a one-line message naming the offending
 * keys. Each test breaks one thing in an otherwise valid set of tables.
 */
class ReferenceValidationTest {

    /** Mutable copies of a valid set of reference tables. */
    private static final class Tables {
        final List<Catalogue.Track> tracks = new ArrayList<>(List.of(track("T1", "none"), track("T2", "assisted"),
                track("T3", "full")));
        final List<Catalogue.Right> rights = new ArrayList<>(List.of(right("T1", "A1", ONE),
                right("T2", "A1", 400_000), right("T2", "A2", 600_000), right("T3", "A3", ONE),
                // Rights of a track missing from tracks are allowed: the track is unmatched.
                right("T_NOT_IN_TRACKS", "A1", ONE)));
        final List<Pool> pools = new ArrayList<>(List.of(pool("DE", "premium", 100_00), pool("DE", "free", 0),
                new Pool("2025-01", "DE", "premium", 5L, "EUR")));
        final List<Verdict> verdicts = new ArrayList<>(List.of(
                verdict("V1", "user", "U1", "fraud", "2026-10-20T00:00:00Z"),
                verdict("V2", "track", "T1", t("2026-10-01T00:00:00Z"), t("2026-10-01T00:00:00.000001Z"), "cleared",
                        "2026-10-20T00:00:00Z"),
                verdict("V3", "play", "P1", null, t("2026-10-01T00:00:00Z"), "fraud", "2026-10-20T00:00:00Z")));
        final List<Consent> consents = new ArrayList<>(List.of(
                consent("A1", "training", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                // Consent has no key: two records for one artist and scope are allowed.
                consent("A1", "training", false, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")));
        final List<Licence> licences = new ArrayList<>(List.of(licence("L1", "training", 1_000_00),
                licence("L1", "generation", 0)));

        ReferenceData data() {
            return new ReferenceData(tracks, rights, pools, verdicts, consents, licences);
        }
    }

    /** Breaks the valid tables one way and returns the message of the exception that must follow. */
    private static String problem(Consumer<Tables> breakIt) {
        Tables tables = new Tables();
        breakIt.accept(tables);
        ReferenceDataException e = catchThrowableOfType(ReferenceDataException.class,
                () -> ReferenceValidation.check(tables.data()));
        assertThat(e).as("a ReferenceDataException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r")
                .startsWith("reference data is inconsistent (");
        return e.getMessage();
    }

    @Test
    void validTablesPass() {
        assertThatCode(() -> ReferenceValidation.check(new Tables().data())).doesNotThrowAnyException();
        assertThatCode(() -> ReferenceValidation.check(new ReferenceData(List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of()))).doesNotThrowAnyException();
    }

    @Test
    void sharesThatDoNotSumToExactlyOneNameTheTrack() {
        // Three thirds of 0.333333 are 0.999999, not 1.000000.
        String msg = problem(t -> t.rights.addAll(List.of(right("T9", "A1", 333_333), right("T9", "A2", 333_333),
                right("T9", "A3", 333_333))));
        assertThat(msg).contains("track T9").contains("0.999999");
    }

    @Test
    void sharesAboveOneInTotalNameTheTrack() {
        assertThat(problem(t -> t.rights.add(right("T1", "A2", 1)))).contains("track T1").contains("1.000001");
    }

    @Test
    void aShareOutsideZeroToOneNamesTheKey() {
        String zero = problem(t -> {
            t.rights.removeIf(r -> r.trackId().equals("T2"));
            t.rights.addAll(List.of(right("T2", "A1", ONE), right("T2", "A2", 0)));
        });
        // Only the share is wrong: the track's shares still sum to 1.000000.
        assertThat(zero).startsWith("reference data is inconsistent (1 problem): ")
                .contains("share of (T2, A2) is 0.000000, outside (0, 1]");
        String above = problem(t -> {
            t.rights.removeIf(r -> r.trackId().equals("T2"));
            t.rights.addAll(List.of(right("T2", "A1", 2 * ONE), right("T2", "A2", -ONE)));
        });
        assertThat(above).contains("(T2, A1) is 2.000000").contains("(T2, A2) is -1.000000");
    }

    @Test
    void duplicateKeysAreNamed() {
        assertThat(problem(t -> t.tracks.add(track("T1", "none")))).contains("duplicate track_id T1");
        assertThat(problem(t -> {
            t.rights.removeIf(r -> r.trackId().equals("T1"));
            t.rights.addAll(List.of(right("T1", "A1", 500_000), right("T1", "A1", 500_000)));
        })).contains("duplicate key (T1, A1)");
        assertThat(problem(t -> t.pools.add(pool("DE", "premium", 1))))
                .contains("revenue_pools: duplicate key (2026-10, DE, premium)");
        assertThat(problem(t -> t.licences.add(licence("L1", "training", 1))))
                .contains("ai_licences: duplicate key (L1, training, 2026-10)");
        assertThat(problem(t -> t.verdicts.add(verdict("V1", "track", "T2", "cleared", "2026-10-21T00:00:00Z"))))
                .contains("duplicate verdict_id V1");
    }

    @Test
    void aSamePoolKeyInAnotherPeriodIsNoDuplicate() {
        Tables tables = new Tables();
        tables.pools.add(new Pool("2026-11", "DE", "premium", 1L, "EUR"));
        assertThatCode(() -> ReferenceValidation.check(tables.data())).doesNotThrowAnyException();
    }

    @Test
    void negativeAmountsNameThePoolOrLicence() {
        assertThat(problem(t -> t.pools.add(pool("FR", "free", -1))))
                .contains("(2026-10, FR, free)").contains("negative amount -0.01");
        assertThat(problem(t -> t.licences.add(licence("L2", "training", -250))))
                .contains("(L2, training, 2026-10)").contains("negative amount -2.50");
    }

    @Test
    void everyRowIsCheckedWhateverItsPeriod() {
        assertThat(problem(t -> t.pools.add(new Pool("1999-01", "FR", "free", -1L, "EUR"))))
                .contains("(1999-01, FR, free)");
    }

    @Test
    void valuesOutsideTheirListedSetsAreNamed() {
        assertThat(problem(t -> t.tracks.add(track("T9", "partial"))))
                .contains("track T9").contains("ai_content 'partial'");
        assertThat(problem(t -> t.tracks.add(track("T9", null)))).contains("track T9").contains("ai_content null");
        assertThat(problem(t -> t.verdicts.add(verdict("V9", "artist", "A1", "fraud", "2026-10-20T00:00:00Z"))))
                .contains("verdict V9").contains("subject_type 'artist'");
        assertThat(problem(t -> t.verdicts.add(verdict("V9", "user", "U1", "suspected", "2026-10-20T00:00:00Z"))))
                .contains("verdict V9").contains("decision 'suspected'");
        assertThat(problem(t -> t.consents.add(consent("A7", "inference", true, "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z")))).contains("artist 'A7'").contains("scope 'inference'");
        assertThat(problem(t -> t.licences.add(licence("L7", "inference", 1))))
                .contains("(L7, inference, 2026-10)").contains("scope 'inference'");
        assertThat(problem(t -> t.pools.add(pool("FR", "trial", 1))))
                .contains("(2026-10, FR, trial)").contains("product 'trial'");
    }

    @Test
    void aVerdictWhoseValidToIsNotAfterValidFromIsNamed() {
        long at = t("2026-10-05T00:00:00Z");
        String equal = problem(t -> t.verdicts.add(verdict("V9", "user", "U1", at, at, "fraud", "2026-10-20T00:00:00Z")));
        assertThat(equal).contains("verdict V9").contains("valid_to 2026-10-05T00:00:00Z not after valid_from");
        assertThat(problem(t -> t.verdicts.add(verdict("V8", "user", "U1", at, at - 1, "fraud",
                "2026-10-20T00:00:00Z")))).contains("verdict V8");
    }

    @Test
    void nullOrEmptyKeysAreReported() {
        assertThat(problem(t -> t.tracks.add(track("", "none")))).contains("tracks: a row has a null or empty track_id");
        assertThat(problem(t -> t.tracks.add(track(null, "none")))).contains("null or empty track_id");
        assertThat(problem(t -> t.rights.add(right("T9", null, ONE))))
                .contains("track_rights").contains("track_id 'T9', artist_id null");
        assertThat(problem(t -> t.rights.add(right("", "A1", ONE)))).contains("track_rights").contains("track_id ''");
        assertThat(problem(t -> t.pools.add(new Pool("2026-10", "", "premium", 1L, "EUR"))))
                .contains("revenue_pools: null or empty key (2026-10, , premium)");
        assertThat(problem(t -> t.pools.add(new Pool(null, "FR", "premium", 1L, "EUR"))))
                .contains("revenue_pools: null or empty key (null, FR, premium)");
        assertThat(problem(t -> t.licences.add(new Licence("L9", null, "2026-10", 1L, "EUR"))))
                .contains("ai_licences: null or empty key (L9, null, 2026-10)");
        assertThat(problem(t -> t.verdicts.add(new Verdict("", "user", "U1", Times.NULL, Times.NULL, "fraud",
                t("2026-10-20T00:00:00Z"))))).contains("null or empty verdict_id");
        assertThat(problem(t -> t.consents.add(new Consent(null, "training", true, t("2026-01-01T00:00:00Z"),
                t("2026-01-01T00:00:00Z"))))).contains("null or empty artist_id");
    }

    @Test
    void missingRequiredValuesAreReported() {
        assertThat(problem(t -> t.pools.add(new Pool("2026-10", "FR", "free", null, "EUR"))))
                .contains("(2026-10, FR, free) has a null amount");
        assertThat(problem(t -> t.licences.add(new Licence("L9", "training", "2026-10", 1L, ""))))
                .contains("(L9, training, 2026-10) has no currency");
        assertThat(problem(t -> t.verdicts.add(new Verdict("V9", "user", "U1", Times.NULL, Times.NULL, "fraud",
                Times.NULL)))).contains("verdict V9 has a null decided_at");
        assertThat(problem(t -> t.verdicts.add(verdict("V9", "user", "", "fraud", "2026-10-20T00:00:00Z"))))
                .contains("verdict V9 has a null or empty subject_id");
        assertThat(problem(t -> t.consents.add(new Consent("A9", "training", null, t("2026-01-01T00:00:00Z"),
                t("2026-01-01T00:00:00Z"))))).contains("artist 'A9'").contains("null granted");
        assertThat(problem(t -> t.rights.add(new Catalogue.Right("T9", "A1", null))))
                .contains("(T9, A1)").contains("is null");
    }

    @Test
    void allProblemsAreReportedTogetherOnOneLineAndTheListIsBounded() {
        Tables tables = new Tables();
        for (int i = 0; i < 30; i++) {
            tables.tracks.add(track("TX" + i, "bogus"));
        }
        tables.pools.add(pool("FR", "free", -1));
        ReferenceDataException e = catchThrowableOfType(ReferenceDataException.class,
                () -> ReferenceValidation.check(tables.data()));
        assertThat(e.getMessage()).startsWith("reference data is inconsistent (31 problems): ")
                .contains("track TX0").contains("; and 6 more").doesNotContain("\n");
    }
}
