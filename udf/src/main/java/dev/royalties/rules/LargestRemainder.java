package dev.royalties.rules;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Splits a pool of A cents by weights with the largest remainder method (spec §8): each payee
 * gets floor(A·w/W) cents, and the cents left over go one each to the largest remainders
 * (A·w) mod W. The artists are passed in artist_id order, so a tie goes to the earlier one; the
 * held bucket comes after every artist. The parts always add up to A exactly.
 */
public final class LargestRemainder {
    private LargestRemainder() {}

    /** The result: cents per artist (same order as the weights) and the held bucket's cents. */
    public record Split(long[] artistCents, long heldCents) {
        public long allocatedCents() {
            return Arrays.stream(artistCents).sum();
        }
    }

    /**
     * @param amountCents the pool, A >= 0
     * @param artistWeights the artists' weights, sorted by artist_id; exact integers (millionths)
     * @param heldWeight the held bucket's weight in the same unit
     */
    public static Split split(long amountCents, long[] artistWeights, long heldWeight) {
        if (amountCents < 0) {
            throw new IllegalArgumentException("pool amount is negative: " + amountCents);
        }
        for (long w : artistWeights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
        }
        if (heldWeight < 0) {
            throw new IllegalArgumentException("negative held weight " + heldWeight);
        }
        Split exact = inLongs(amountCents, artistWeights, heldWeight);
        return exact != null ? exact : inBigIntegers(amountCents, artistWeights, heldWeight);
    }

    /**
     * The split in long arithmetic, or null when the total W or a product A·w would not fit in a
     * long (then {@link #inBigIntegers} does it). Recording rows split every pool over tens of
     * thousands of recordings, and BigInteger was most of that work (JFR, issue 10).
     */
    private static Split inLongs(long amountCents, long[] artistWeights, long heldWeight) {
        int n = artistWeights.length;
        long total = heldWeight;
        for (long w : artistWeights) {
            total += w;
            if (total < 0) {
                return null; // the weights are not negative: the sum overflowed
            }
        }
        if (total == 0) {
            return new Split(new long[n], amountCents);
        }
        long[] all = new long[n + 1];
        long[] remainders = new long[n + 1];
        long given = 0;
        for (int i = 0; i <= n; i++) {
            long w = i < n ? artistWeights[i] : heldWeight;
            if (Math.multiplyHigh(amountCents, w) != 0 || amountCents * w < 0) {
                return null;
            }
            long product = amountCents * w;
            all[i] = product / total;
            remainders[i] = product % total;
            given += all[i];
        }
        return withLeftOver(all, amountCents - given, remainders);
    }

    /**
     * {@link #withLeftOver(long[], long, Comparator)} for remainders in longs, without boxing every
     * payee's index for a sort: the cents go to every remainder above the left-th largest and, of
     * those equal to it, to the first in payee order, which is what the stable sort gives. (Sorting
     * boxed indexes in the allocation's tail also had C2 compile the JDK's merge sort again for each
     * kind of array it met, JFR, issue 10.)
     */
    private static Split withLeftOver(long[] floors, long left, long[] remainders) {
        int payees = floors.length;
        if (left > 0) {
            long[] ascending = remainders.clone();
            Arrays.sort(ascending);
            long threshold = ascending[payees - (int) left]; // left < payees: the remainders add up to left·W
            long equalOnes = left;
            for (long r : remainders) {
                equalOnes -= r > threshold ? 1 : 0;
            }
            for (int i = 0; i < payees; i++) {
                if (remainders[i] > threshold) {
                    floors[i]++;
                } else if (remainders[i] == threshold && equalOnes > 0) {
                    floors[i]++;
                    equalOnes--;
                }
            }
        }
        return new Split(Arrays.copyOf(floors, payees - 1), floors[payees - 1]);
    }

    /** The split in BigInteger arithmetic, whatever the sizes (package-private: tests compare the two). */
    static Split inBigIntegers(long amountCents, long[] artistWeights, long heldWeight) {
        int n = artistWeights.length;
        BigInteger total = BigInteger.valueOf(heldWeight);
        for (long w : artistWeights) {
            total = total.add(BigInteger.valueOf(w));
        }
        if (total.signum() == 0) {
            return new Split(new long[n], amountCents);
        }
        BigInteger a = BigInteger.valueOf(amountCents);
        BigInteger[] remainders = new BigInteger[n + 1];
        long[] all = new long[n + 1];
        long given = 0;
        for (int i = 0; i <= n; i++) {
            long w = i < n ? artistWeights[i] : heldWeight;
            BigInteger[] qr = a.multiply(BigInteger.valueOf(w)).divideAndRemainder(total);
            all[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += all[i];
        }
        return withLeftOver(all, amountCents - given, (x, y) -> remainders[y].compareTo(remainders[x]));
    }

    /**
     * Gives the cents left over one each to the largest remainders. The sort is stable, so equal
     * remainders keep payee order: artist_id order, with the held bucket (the last index) last.
     *
     * @param floors each payee's floor(A·w/W), the held bucket last
     * @param largerRemainderFirst orders payee indexes by remainder, descending
     */
    private static Split withLeftOver(long[] floors, long left, Comparator<Integer> largerRemainderFirst) {
        int payees = floors.length;
        if (left > 0) {
            Integer[] order = new Integer[payees];
            for (int i = 0; i < payees; i++) {
                order[i] = i;
            }
            Arrays.sort(order, largerRemainderFirst);
            for (int k = 0; k < left; k++) {
                floors[order[k]]++;
            }
        }
        return new Split(Arrays.copyOf(floors, payees - 1), floors[payees - 1]);
    }
}
