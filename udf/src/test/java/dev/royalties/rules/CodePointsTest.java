package dev.royalties.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CodePointsTest {
    /** The definition: compare the sequences of code points. */
    private static int byDefinition(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    }

    @Test
    void agreesWithTheDefinitionOnRandomStringsWithSurrogatesAndSharedPrefixes() {
        char[] alphabet = {'A', 'a', 'z', '\u00e9', '\uD7FF', '\uE000', '\uFFFF', '\uD83C', '\uDFB5', '\uDBFF', '\uDC00'};
        SplittableRandom rng = new SplittableRandom(7);
        for (int round = 0; round < 200_000; round++) {
            String prefix = random(rng, alphabet, rng.nextInt(3));
            String a = prefix + random(rng, alphabet, rng.nextInt(4));
            String b = prefix + random(rng, alphabet, rng.nextInt(4));
            assertThat(Integer.signum(CodePoints.ORDER.compare(a, b))).as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(byDefinition(a, b)));
        }
    }

    private static String random(SplittableRandom rng, char[] alphabet, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(alphabet[rng.nextInt(alphabet.length)]);
        }
        return s.toString();
    }
}
