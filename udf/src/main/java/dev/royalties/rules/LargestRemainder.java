package dev.royalties.rules;

import java.math.BigInteger;
import java.util.Arrays;

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
        Split exact = inLongs(amountCents, artistWeights, heldWeight);
        return exact != null ? exact : inBigIntegers(amountCents, artistWeights, heldWeight);
    }

    /**
     * The same split in long arithmetic, or null when a product A·w or the total W would not fit
     * in a long (then {@link #inBigIntegers} does it). Recording rows split every pool over tens of
     * thousands of recordings, and BigInteger was most of that work (JFR, issue 10).
     */
    private static Split inLongs(long amountCents, long[] artistWeights, long heldWeight) {
        int n = artistWeights.length;
        long total = heldWeight;
        for (long w : artistWeights) {
            if (w < 0 || heldWeight < 0) {
                return null; // the BigInteger path says which weight is negative
            }
            total += w;
            if (total < 0) {
                return null;
            }
        }
        if (heldWeight < 0 || total == 0) {
            return null;
        }
        long[] all = new long[n + 1];
        long[] remainders = new long[n + 1];
        long given = 0;
        for (int i = 0; i <= n; i++) {
            long w = i < n ? artistWeights[i] : heldWeight;
            if (w != 0 && (Math.multiplyHigh(amountCents, w) != 0 || amountCents * w < 0)) {
                return null;
            }
            long product = amountCents * w;
            all[i] = product / total;
            remainders[i] = product % total;
            given += all[i];
        }
        long left = amountCents - given;
        if (left > 0) {
            // As below: stable, by remainder descending, so equal remainders keep payee order.
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Long.compare(remainders[y], remainders[x]));
            for (int k = 0; k < left; k++) {
                all[order[k]]++;
            }
        }
        return new Split(Arrays.copyOf(all, n), all[n]);
    }

    /** The split in BigInteger arithmetic, whatever the sizes (package-private: tests compare the two). */
    static Split inBigIntegers(long amountCents, long[] artistWeights, long heldWeight) {
        int n = artistWeights.length;
        BigInteger total = BigInteger.valueOf(heldWeight);
        for (long w : artistWeights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            total = total.add(BigInteger.valueOf(w));
        }
        if (heldWeight < 0) {
            throw new IllegalArgumentException("negative held weight " + heldWeight);
        }
        long[] cents = new long[n];
        if (total.signum() == 0) {
            return new Split(cents, amountCents);
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
        long left = amountCents - given;
        if (left > 0) {
            // Stable sort by remainder, descending: equal remainders keep payee order, which is
            // artist_id order with the held bucket (index n) last.
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> remainders[y].compareTo(remainders[x]));
            for (int k = 0; k < left; k++) {
                all[order[k]]++;
            }
        }
        System.arraycopy(all, 0, cents, 0, n);
        return new Split(cents, all[n]);
    }
}
