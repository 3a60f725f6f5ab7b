package dev.royalties.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §9: one adjustment per payment key whose amount changed; a missing side counts as 0.00. */
class AdjustmentsTest {

    private static ArtistPayment cat(String artist, String country, long cents) {
        return new ArtistPayment(artist, "catalogue", country, "premium", null, 1, cents, "EUR");
    }

    private static ArtistPayment ai(String artist, String licensee, long cents) {
        return new ArtistPayment(artist, "ai_training", null, null, licensee, 10, cents, "EUR");
    }

    @Test
    void unchangedKeysGiveNoRow() {
        List<ArtistPayment> same = List.of(cat("A1", "DE", 100), ai("A1", "L1", 5));
        assertThat(Adjustments.between(same, same)).isEmpty();
        assertThat(Adjustments.between(List.of(), List.of())).isEmpty();
    }

    @Test
    void onlyTheAmountCountsNotTheUnits() {
        ArtistPayment before = new ArtistPayment("A1", "catalogue", "DE", "premium", null, 3, 100, "EUR");
        ArtistPayment after = new ArtistPayment("A1", "catalogue", "DE", "premium", null, 4, 100, "EUR");
        assertThat(Adjustments.between(List.of(before), List.of(after))).isEmpty();
    }

    @Test
    void changedKeysOnlyWithTheSignedDelta() {
        List<Adjustment> out = Adjustments.between(
                List.of(cat("A1", "DE", 100), cat("A2", "DE", 50), cat("A3", "DE", 7)),
                List.of(cat("A1", "DE", 130), cat("A2", "DE", 20), cat("A3", "DE", 7)));
        assertThat(out).containsExactly(
                new Adjustment("A1", "catalogue", "DE", "premium", null, "EUR", 100, 130, 30),
                new Adjustment("A2", "catalogue", "DE", "premium", null, "EUR", 50, 20, -30));
    }

    @Test
    void aKeyMissingInThePreviousRevisionCountsAsZero() {
        assertThat(Adjustments.between(List.of(), List.of(ai("A1", "L1", 250))))
                .containsExactly(new Adjustment("A1", "ai_training", null, null, "L1", "EUR", 0, 250, 250));
    }

    @Test
    void aKeyMissingInTheCurrentRevisionCountsAsZero() {
        // E.g. a fraud verdict found after the first run: the artist is paid nothing now.
        assertThat(Adjustments.between(List.of(cat("A1", "DE", 400)), List.of()))
                .containsExactly(new Adjustment("A1", "catalogue", "DE", "premium", null, "EUR", 400, 0, -400));
    }

    @Test
    void aZeroRowAgainstAMissingKeyIsNoChange() {
        // A 0.00 payment row (an artist told about a use) equals a missing key: 0.00 both sides.
        assertThat(Adjustments.between(List.of(), List.of(cat("A1", "DE", 0)))).isEmpty();
    }

    @Test
    void everyKeyColumnSeparatesPayments() {
        List<Adjustment> out = Adjustments.between(
                List.of(cat("A1", "DE", 100), ai("A1", "L1", 100)),
                List.of(cat("A1", "FR", 100), ai("A1", "L2", 100),
                        new ArtistPayment("A1", "catalogue", "DE", "premium", null, 1, 100, "USD")));
        // Moving money to another country, licensee or currency is a -100 and a +100 each.
        assertThat(out).extracting(Adjustment::deltaCents).containsExactlyInAnyOrder(-100L, 100L, -100L, 100L, 100L);
    }

    @Test
    void rowsComeInPaymentKeyOrder() {
        List<Adjustment> out = Adjustments.between(List.of(cat("B", "DE", 1)), List.of(cat("A", "DE", 1), cat("C", "DE", 1)));
        assertThat(out).extracting(Adjustment::artistId).containsExactly("A", "B", "C");
    }
}
