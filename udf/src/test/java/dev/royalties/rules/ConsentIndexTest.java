package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.AS_OF;
import static dev.royalties.rules.Fixtures.consent;
import static dev.royalties.rules.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §7: the record with the latest effective_from (then recorded_at) at or before t decides. */
class ConsentIndexTest {
    private static final long USED = t("2026-10-10T12:00:00Z");

    private static ConsentIndex index(Consent... cs) {
        return new ConsentIndex(List.of(cs), AS_OF);
    }

    @Test
    void noRecordMeansNoConsent() {
        assertThat(index().granted("A1", "training", USED)).isFalse();
        // A record of another artist or scope is no record for this one.
        ConsentIndex other = index(consent("A2", "training", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                consent("A1", "generation", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
        assertThat(other.granted("A1", "training", USED)).isFalse();
        assertThat(other.granted("A1", "generation", USED)).isTrue();
    }

    @Test
    void aGrantTakesEffectAtItsEffectiveFromInclusive() {
        ConsentIndex idx = index(consent("A1", "training", true, "2026-10-10T12:00:00Z", "2026-10-01T00:00:00Z"));
        assertThat(idx.granted("A1", "training", USED - 1)).isFalse();
        assertThat(idx.granted("A1", "training", USED)).isTrue();
    }

    @Test
    void aRecordThatSaysNotGrantedIsNoConsent() {
        assertThat(index(consent("A1", "training", false, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))
                .granted("A1", "training", USED)).isFalse();
    }

    @Test
    void revocationEndsConsentFromItsEffectiveFrom() {
        ConsentIndex idx = index(
                consent("A1", "training", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                consent("A1", "training", false, "2026-10-15T00:00:00Z", "2026-10-15T00:00:00Z"));
        assertThat(idx.granted("A1", "training", t("2026-10-14T23:59:59.999999Z"))).isTrue();
        assertThat(idx.granted("A1", "training", t("2026-10-15T00:00:00Z"))).isFalse();
        // Opting in again later.
        ConsentIndex again = index(
                consent("A1", "training", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                consent("A1", "training", false, "2026-10-15T00:00:00Z", "2026-10-15T00:00:00Z"),
                consent("A1", "training", true, "2026-10-20T00:00:00Z", "2026-10-20T00:00:00Z"));
        assertThat(again.granted("A1", "training", t("2026-10-17T00:00:00Z"))).isFalse();
        assertThat(again.granted("A1", "training", t("2026-10-21T00:00:00Z"))).isTrue();
    }

    @Test
    void aRevocationRecordedLateButEffectiveEarlierAppliesFromItsEffectiveFrom() {
        // effective_from, not recorded_at, orders the records: a correction can reach back in time.
        ConsentIndex idx = index(
                consent("A1", "training", true, "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z"),
                consent("A1", "training", false, "2026-10-05T00:00:00Z", "2026-10-30T00:00:00Z"));
        assertThat(idx.granted("A1", "training", USED)).isFalse();
    }

    @Test
    void tiesOnEffectiveFromAreResolvedByTheLatestRecordedAt() {
        Consent grantedFirst = consent("A1", "training", true, "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z");
        Consent revokedLater = consent("A1", "training", false, "2026-10-01T00:00:00Z", "2026-10-02T00:00:00Z");
        assertThat(index(grantedFirst, revokedLater).granted("A1", "training", USED)).isFalse();
        assertThat(index(revokedLater, grantedFirst).granted("A1", "training", USED)).isFalse();

        Consent revokedFirst = consent("A1", "training", false, "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z");
        Consent grantedLater = consent("A1", "training", true, "2026-10-01T00:00:00Z", "2026-10-02T00:00:00Z");
        assertThat(index(revokedFirst, grantedLater).granted("A1", "training", USED)).isTrue();
        assertThat(index(grantedLater, revokedFirst).granted("A1", "training", USED)).isTrue();
    }

    @Test
    void effectiveFromOutranksRecordedAt() {
        // The later-effective record decides even though the other was recorded later.
        ConsentIndex idx = index(
                consent("A1", "training", true, "2026-10-05T00:00:00Z", "2026-10-05T00:00:00Z"),
                consent("A1", "training", false, "2026-10-01T00:00:00Z", "2026-10-08T00:00:00Z"));
        assertThat(idx.granted("A1", "training", USED)).isTrue();
    }

    @Test
    void fullTiesThatDisagreeAreNotGranted() {
        // The spec is silent; the documented choice is that nobody is opted in on a coin toss.
        Consent yes = consent("A1", "training", true, "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z");
        Consent no = consent("A1", "training", false, "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z");
        assertThat(index(yes, no).granted("A1", "training", USED)).isFalse();
        assertThat(index(no, yes).granted("A1", "training", USED)).isFalse();
    }

    @Test
    void recordsRecordedAfterAsOfAreIgnored() {
        long asOf = t("2026-11-05T00:00:00Z");
        // A late grant does not opt the artist in.
        Consent lateGrant = consent("A1", "training", true, "2026-10-01T00:00:00Z", "2026-11-05T00:00:00.000001Z");
        assertThat(new ConsentIndex(List.of(lateGrant), asOf).granted("A1", "training", USED)).isFalse();
        // recorded_at == as-of is known.
        Consent onTime = consent("A1", "training", true, "2026-10-01T00:00:00Z", "2026-11-05T00:00:00Z");
        assertThat(new ConsentIndex(List.of(onTime), asOf).granted("A1", "training", USED)).isTrue();
        // A late revocation does not take a known grant away; a backfill with a later as-of applies it.
        List<Consent> revokedLate = List.of(
                consent("A1", "training", true, "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z"),
                consent("A1", "training", false, "2026-10-05T00:00:00Z", "2026-11-10T00:00:00Z"));
        assertThat(new ConsentIndex(revokedLate, asOf).granted("A1", "training", USED)).isTrue();
        assertThat(new ConsentIndex(revokedLate, t("2026-12-20T00:00:00Z")).granted("A1", "training", USED))
                .isFalse();
    }

    @Test
    void aRecordEffectiveAfterTheInstantDoesNotDecideIt() {
        ConsentIndex idx = index(consent("A1", "training", true, "2026-10-11T00:00:00Z", "2026-10-01T00:00:00Z"));
        assertThat(idx.granted("A1", "training", USED)).isFalse();
    }
}
