package dev.royalties.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Spec §8: floor(A·w/W) each, leftover cents to the largest remainders, ties to the earlier payee. */
class LargestRemainderTest {

    private static LargestRemainder.Split split(long amount, long held, long... artists) {
        return LargestRemainder.split(amount, artists, held);
    }

    @Test
    void noWeightAtAllHoldsTheWholePool() {
        LargestRemainder.Split s = split(12_345, 0, 0, 0, 0);
        assertThat(s.artistCents()).containsExactly(0, 0, 0);
        assertThat(s.heldCents()).isEqualTo(12_345);
        LargestRemainder.Split none = split(12_345, 0);
        assertThat(none.artistCents()).isEmpty();
        assertThat(none.heldCents()).isEqualTo(12_345);
    }

    @Test
    void onlyHeldWeightHoldsTheWholePool() {
        LargestRemainder.Split s = split(999, 7, 0, 0);
        assertThat(s.artistCents()).containsExactly(0, 0);
        assertThat(s.heldCents()).isEqualTo(999);
    }

    @Test
    void exactSplitsNeedNoRemainder() {
        LargestRemainder.Split s = split(10_000, 1, 1, 2);
        assertThat(s.artistCents()).containsExactly(2_500, 5_000);
        assertThat(s.heldCents()).isEqualTo(2_500);
        assertThat(s.allocatedCents()).isEqualTo(7_500);
    }

    @Test
    void leftoverCentsGoToTheLargestRemainders() {
        // A = 100, w = 1, 2, 3 (W = 6): exact 16.67, 33.33, 50: floors 16, 33, 50 (99), remainders 4, 2, 0.
        assertThat(split(100, 0, 1, 2, 3).artistCents()).containsExactly(17, 33, 50);
        // A = 10, w = 3, 3, 4 (W = 10) is exact; A = 11: 3.3, 3.3, 4.4 → floors 3, 3, 4, remainders 3, 3, 4.
        assertThat(split(11, 0, 3, 3, 4).artistCents()).containsExactly(3, 3, 5);
    }

    @Test
    void remainderTiesGoToTheEarlierArtist() {
        // Artists come in artist_id order: on equal remainders the first ones get the cents.
        assertThat(split(1, 0, 1, 1, 1).artistCents()).containsExactly(1, 0, 0);
        assertThat(split(2, 0, 1, 1, 1).artistCents()).containsExactly(1, 1, 0);
        // A larger remainder later in the order still beats an earlier, smaller one.
        assertThat(split(2, 0, 1, 1, 2).artistCents()).containsExactly(1, 0, 1);
    }

    @Test
    void theHeldBucketComesAfterEveryArtistOnTies() {
        LargestRemainder.Split one = split(1, 1, 1);
        assertThat(one.artistCents()).containsExactly(1);
        assertThat(one.heldCents()).isZero();
        LargestRemainder.Split two = split(2, 1, 1, 1);
        assertThat(two.artistCents()).containsExactly(1, 1);
        assertThat(two.heldCents()).isZero();
        // With a strictly larger remainder the held bucket does get the cent.
        LargestRemainder.Split larger = split(1, 2, 1);
        assertThat(larger.artistCents()).containsExactly(0);
        assertThat(larger.heldCents()).isEqualTo(1);
    }

    @Test
    void aTinyWeightCanRoundToZeroCents() {
        LargestRemainder.Split s = split(100, 0, 1_000_000_000L, 1);
        assertThat(s.artistCents()).containsExactly(100, 0);
    }

    @Test
    void aZeroPoolGivesZeroEverywhere() {
        LargestRemainder.Split s = split(0, 5, 1, 2);
        assertThat(s.artistCents()).containsExactly(0, 0);
        assertThat(s.heldCents()).isZero();
    }

    @Test
    void hugeWeightsAndPoolsDoNotOverflow() {
        long max = Long.MAX_VALUE;
        LargestRemainder.Split s = split(1_000_000_000_000_000L, max, max, max);
        assertThat(s.artistCents()).containsExactly(333_333_333_333_334L, 333_333_333_333_333L);
        assertThat(s.heldCents()).isEqualTo(333_333_333_333_333L);
    }

    @Test
    void negativeInputsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> split(-1, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> split(1, 0, 1, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> split(1, -1, 1));
    }

    /**
     * The property the whole money path rests on, over many random pools: parts add up to the pool,
     * each part is floor or floor+1 of its exact quotient, none is negative, a zero weight gets
     * nothing, and the extra cents went to the largest remainders with the spec's tie order.
     */
    @Test
    void propertyPartsAlwaysAddUpAndFollowTheLargestRemainderRule() {
        SplittableRandom rnd = new SplittableRandom(20261001L);
        for (int round = 0; round < 20_000; round++) {
            long amount = randomAmount(rnd);
            int n = rnd.nextInt(0, 12);
            long[] w = new long[n];
            for (int i = 0; i < n; i++) {
                w[i] = randomWeight(rnd);
            }
            long held = randomWeight(rnd);
            LargestRemainder.Split s = LargestRemainder.split(amount, w.clone(), held);
            check(amount, w, held, s, round);
        }
    }

    private static long randomAmount(SplittableRandom rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextLong(0, 100);
            case 1 -> rnd.nextLong(0, 100_000_000L);
            default -> rnd.nextLong(0, 1_000_000_000_000_001L); // up to 10^15 cents
        };
    }

    private static long randomWeight(SplittableRandom rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> 0;
            case 1 -> rnd.nextLong(1, 4); // small weights make many remainder ties
            case 2 -> rnd.nextLong(1, 1_000_000L);
            case 3 -> rnd.nextLong(1, 1_000_000_000_000L);
            case 4 -> rnd.nextLong(Long.MAX_VALUE / 4, Long.MAX_VALUE); // huge: W exceeds a long
            default -> 1_000_000L * rnd.nextLong(1, 10_000);
        };
    }

    private static void check(long amount, long[] w, long held, LargestRemainder.Split s, int round) {
        int n = w.length;
        String where = "round " + round + ": A=" + amount + " w=" + java.util.Arrays.toString(w) + " held=" + held;
        BigInteger a = BigInteger.valueOf(amount);
        BigInteger total = BigInteger.valueOf(held);
        for (long x : w) {
            total = total.add(BigInteger.valueOf(x));
        }
        long[] parts = new long[n + 1];
        System.arraycopy(s.artistCents(), 0, parts, 0, n);
        parts[n] = s.heldCents();
        assertThat(s.artistCents()).as(where).hasSize(n);

        BigInteger sum = BigInteger.ZERO;
        for (long p : parts) {
            assertThat(p).as(where).isNotNegative();
            sum = sum.add(BigInteger.valueOf(p));
        }
        assertThat(sum).as(where).isEqualTo(a);

        if (total.signum() == 0) {
            assertThat(s.heldCents()).as(where).isEqualTo(amount);
            return;
        }
        BigInteger[] rem = new BigInteger[n + 1];
        boolean[] extra = new boolean[n + 1];
        for (int i = 0; i <= n; i++) {
            long wi = i < n ? w[i] : held;
            BigInteger[] qr = a.multiply(BigInteger.valueOf(wi)).divideAndRemainder(total);
            long floor = qr[0].longValueExact();
            rem[i] = qr[1];
            assertThat(parts[i]).as(where + " payee " + i).isBetween(floor, floor + 1);
            extra[i] = parts[i] == floor + 1;
            if (wi == 0) {
                assertThat(parts[i]).as(where + " zero weight " + i).isZero();
            }
        }
        // Whoever got an extra cent outranks whoever did not: a larger remainder, or an equal one earlier.
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                if (extra[i] && !extra[j]) {
                    int c = rem[i].compareTo(rem[j]);
                    assertThat(c > 0 || (c == 0 && i < j)).as(where + " extra to " + i + " over " + j).isTrue();
                }
            }
        }
    }

    @Test
    void theLongPathGivesTheBigIntegerPathsCentsAndFallsBackWhenAProductOverflows() {
        SplittableRandom r = new SplittableRandom(11);
        for (int k = 0; k < 20_000; k++) {
            int n = r.nextInt(0, 12);
            long[] w = new long[n];
            long bound = k % 3 == 0 ? 10 : k % 3 == 1 ? 1_000_000 : Long.MAX_VALUE / 64;
            for (int i = 0; i < n; i++) {
                w[i] = r.nextInt(4) == 0 ? 0 : r.nextLong(bound); // zero weights and ties included
            }
            long held = r.nextInt(3) == 0 ? 0 : r.nextLong(bound);
            long amount = k % 5 == 0 ? r.nextLong(Long.MAX_VALUE / 2) : r.nextLong(0, 10_000_000_000L);
            LargestRemainder.Split fast = LargestRemainder.split(amount, w, held);
            LargestRemainder.Split exact = LargestRemainder.inBigIntegers(amount, w, held);
            String where = "case " + k;
            assertThat(fast.artistCents()).as(where).containsExactly(exact.artistCents());
            assertThat(fast.heldCents()).as(where).isEqualTo(exact.heldCents());
        }
    }
}
