package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.OCT;
import static dev.royalties.rules.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Spec §3: each broken contract rule of an event row gives a one-line quarantine reason. */
class EventValidationTest {

    private static Play validPlay() {
        return new Play("P1", "U1", "T1", t("2026-10-10T12:00:00Z"), 180_000, "DE", "premium");
    }

    private static Usage validUsage() {
        return new Usage("G1", "L1", "M1", "T1", "training", t("2026-10-10T12:00:00Z"), 10);
    }

    private static Arguments playCase(String name, Consumer<Play> breakIt, String reason) {
        return Arguments.of(name, breakIt, reason);
    }

    static Stream<Arguments> invalidPlays() {
        return Stream.of(
                playCase("null play_id", p -> p.playId = null, "play_id is null or empty"),
                playCase("empty play_id", p -> p.playId = "", "play_id is null or empty"),
                playCase("null user_id", p -> p.userId = null, "user_id is null or empty"),
                playCase("empty user_id", p -> p.userId = "", "user_id is null or empty"),
                playCase("null track_id", p -> p.trackId = null, "track_id is null or empty"),
                playCase("empty track_id", p -> p.trackId = "", "track_id is null or empty"),
                playCase("null played_at", p -> p.playedAt = Times.NULL, "played_at is null"),
                playCase("null ms_played", p -> p.msPlayed = Nulls.INT, "ms_played is null"),
                playCase("negative ms_played", p -> p.msPlayed = -1, "ms_played is negative (-1)"),
                playCase("null country", p -> p.country = null, "country null is not two upper-case letters A-Z"),
                playCase("lower-case country", p -> p.country = "de", "country 'de' is not two upper-case letters A-Z"),
                playCase("three-letter country", p -> p.country = "DEU",
                        "country 'DEU' is not two upper-case letters A-Z"),
                playCase("one-letter country", p -> p.country = "D", "country 'D' is not two upper-case letters A-Z"),
                playCase("empty country", p -> p.country = "", "country '' is not two upper-case letters A-Z"),
                playCase("digit in country", p -> p.country = "D1", "country 'D1' is not two upper-case letters A-Z"),
                playCase("non-ASCII upper-case country", p -> p.country = "ÄB",
                        "country 'ÄB' is not two upper-case letters A-Z"),
                playCase("null product", p -> p.product = null,
                        "product null is not one of premium, family, student, free"),
                playCase("unknown product", p -> p.product = "trial",
                        "product 'trial' is not one of premium, family, student, free"),
                playCase("product in the wrong case", p -> p.product = "Premium",
                        "product 'Premium' is not one of premium, family, student, free"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPlays")
    void invalidPlayGivesItsReason(String name, Consumer<Play> breakIt, String reason) {
        Play p = validPlay();
        breakIt.accept(p);
        assertThat(EventValidation.playProblem(p)).isEqualTo(reason).doesNotContain("\n");
    }

    @Test
    void validPlaysPass() {
        assertThat(EventValidation.playProblem(validPlay())).isNull();
        for (String product : new String[] {"premium", "family", "student", "free"}) {
            Play p = validPlay();
            p.product = product;
            assertThat(EventValidation.playProblem(p)).as(product).isNull();
        }
    }

    @Test
    void zeroMsPlayedIsValidAndOnlyShort() {
        Play p = validPlay();
        p.msPlayed = 0;
        assertThat(EventValidation.playProblem(p)).isNull();
    }

    @Test
    void whitespaceIdsAreNotEmpty() {
        // The spec's "empty" is zero length: " " is a (strange) id, not a missing one.
        Play p = validPlay();
        p.playId = " ";
        p.userId = " ";
        assertThat(EventValidation.playProblem(p)).isNull();
    }

    @Test
    void msPlayedAboveTheTrackDurationIsNotAnError() {
        Play p = validPlay();
        p.msPlayed = Integer.MAX_VALUE;
        assertThat(EventValidation.playProblem(p)).isNull();
    }

    static Stream<Arguments> invalidUsage() {
        return Stream.of(
                usageCase("null usage_id", u -> u.usageId = null, "usage_id is null or empty"),
                usageCase("empty usage_id", u -> u.usageId = "", "usage_id is null or empty"),
                usageCase("null licensee_id", u -> u.licenseeId = null, "licensee_id is null or empty"),
                usageCase("empty licensee_id", u -> u.licenseeId = "", "licensee_id is null or empty"),
                usageCase("null model_id", u -> u.modelId = null, "model_id is null or empty"),
                usageCase("empty model_id", u -> u.modelId = "", "model_id is null or empty"),
                usageCase("null track_id", u -> u.trackId = null, "track_id is null or empty"),
                usageCase("empty track_id", u -> u.trackId = "", "track_id is null or empty"),
                usageCase("null used_at", u -> u.usedAt = Times.NULL, "used_at is null"),
                usageCase("null scope", u -> u.scope = null, "scope null is not training or generation"),
                usageCase("unknown scope", u -> u.scope = "inference", "scope 'inference' is not training or generation"),
                usageCase("scope in the wrong case", u -> u.scope = "Training",
                        "scope 'Training' is not training or generation"),
                usageCase("null units", u -> u.units = Nulls.LONG, "units is null"),
                usageCase("zero units", u -> u.units = 0, "units is not positive (0)"),
                usageCase("negative units", u -> u.units = -5, "units is not positive (-5)"));
    }

    private static Arguments usageCase(String name, Consumer<Usage> breakIt, String reason) {
        return Arguments.of(name, breakIt, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUsage")
    void invalidUsageGivesItsReason(String name, Consumer<Usage> breakIt, String reason) {
        Usage u = validUsage();
        breakIt.accept(u);
        assertThat(EventValidation.usageProblem(u)).isEqualTo(reason).doesNotContain("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"training", "generation"})
    void validUsagePasses(String scope) {
        Usage u = validUsage();
        u.scope = scope;
        u.units = 1;
        assertThat(EventValidation.usageProblem(u)).isNull();
    }

    @Test
    void quarantineReportsRowsOfThePeriodAndRowsWithoutTimestamp() {
        assertThat(EventValidation.quarantinedIn(OCT, t("2026-10-01T00:00:00Z"))).isTrue();
        assertThat(EventValidation.quarantinedIn(OCT, t("2026-10-31T23:59:59.999999Z"))).isTrue();
        assertThat(EventValidation.quarantinedIn(OCT, t("2026-09-30T23:59:59.999999Z"))).isFalse();
        assertThat(EventValidation.quarantinedIn(OCT, t("2026-11-01T00:00:00Z"))).isFalse();
        // A null timestamp belongs to no period: every run reports it until it is repaired.
        assertThat(EventValidation.quarantinedIn(OCT, Times.NULL)).isTrue();
        assertThat(EventValidation.quarantinedIn(Period.parse("1999-01"), Times.NULL)).isTrue();
    }

    @Test
    void quarantinedRowKeepsItsNullsAsReceived() {
        Play p = validPlay();
        p.playedAt = Times.NULL;
        p.msPlayed = Nulls.INT;
        p.country = "x\"y";
        assertThat(p.toJson()).isEqualTo("{\"play_id\":\"P1\",\"user_id\":\"U1\",\"track_id\":\"T1\","
                + "\"played_at\":null,\"ms_played\":null,\"country\":\"x\\\"y\",\"product\":\"premium\"}");
        Usage u = validUsage();
        u.units = Nulls.LONG;
        assertThat(u.toJson()).isEqualTo("{\"usage_id\":\"G1\",\"licensee_id\":\"L1\",\"model_id\":\"M1\","
                + "\"track_id\":\"T1\",\"scope\":\"training\",\"used_at\":\"2026-10-10T12:00:00Z\",\"units\":null}");
    }
}
