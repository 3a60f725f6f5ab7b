package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.ONE;
import static dev.royalties.rules.Fixtures.right;
import static dev.royalties.rules.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §4.3: a track is matched when it is in tracks and has rights; credits in artist_id code point order. */
class CatalogueTest {

    @Test
    void creditsAreSortedByArtistIdInCodePointOrderWithTheirShares() {
        String astral = "\uD83D\uDE00";
        Catalogue c = new Catalogue(List.of(track("T1", "assisted")),
                List.of(right("T1", astral, 100_000), right("T1", "b", 200_000), right("T1", "\uFFFF", 300_000),
                        right("T1", "a", 400_000)));
        Catalogue.Credits credits = c.credits("T1");
        assertThat(credits.artists()).containsExactly("a", "b", "\uFFFF", astral);
        assertThat(credits.shareMicros()).containsExactly(400_000, 200_000, 300_000, 100_000);
        assertThat(credits.fullAi()).isFalse();
    }

    @Test
    void onlyFullAiContentIsFullAi() {
        Catalogue c = new Catalogue(List.of(track("TN", "none"), track("TA", "assisted"), track("TF", "full")),
                List.of(right("TN", "A", ONE), right("TA", "A", ONE), right("TF", "A", ONE)));
        assertThat(c.credits("TN").fullAi()).isFalse();
        assertThat(c.credits("TA").fullAi()).isFalse();
        assertThat(c.credits("TF").fullAi()).isTrue();
    }

    @Test
    void tracksWithoutRightsAndRightsWithoutTracksAreUnmatched() {
        Catalogue c = new Catalogue(List.of(track("T_NO_RIGHTS", "none"), track("T_OK", "none")),
                List.of(right("T_NOT_IN_TRACKS", "A", ONE), right("T_OK", "A", ONE)));
        assertThat(c.credits("T_NO_RIGHTS")).isNull();
        assertThat(c.credits("T_NOT_IN_TRACKS")).isNull();
        assertThat(c.credits("T_OK")).isNotNull();
        assertThat(c.trackCount()).isEqualTo(2);
        assertThat(c.matchedCount()).isEqualTo(1);
    }

    @Test
    void codePointOrderDiffersFromUtf16OrderOutsideTheBmp() {
        String astral = "\uD83D\uDE00";
        assertThat("\uFFFF".compareTo(astral)).isPositive(); // UTF-16 units
        assertThat(CodePoints.ORDER.compare("\uFFFF", astral)).isNegative(); // code points
        assertThat(CodePoints.ORDER.compare("a", "ab")).isNegative();
        assertThat(CodePoints.ORDER.compare("ab", "a")).isPositive();
        assertThat(CodePoints.ORDER.compare(astral, astral)).isZero();
    }
}
