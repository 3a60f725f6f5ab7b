package dev.royalties.jobs.monthly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Splits items into parts of about equal weight for threads that work side by side: the heaviest
 * item first goes to the lightest part (ties to the lower part), and each part keeps its items in
 * the order given. Deterministic, so that the same items always make the same parts.
 */
final class BalancedParts {
    private BalancedParts() {}

    static <T> List<List<T>> split(List<T> items, int parts, ToLongFunction<T> weight) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, not " + parts);
        }
        List<Integer> heaviestFirst = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            heaviestFirst.add(i);
        }
        heaviestFirst.sort(Comparator.comparingLong((Integer i) -> weight.applyAsLong(items.get(i))).reversed()
                .thenComparing(i -> i));
        long[] load = new long[parts];
        int[] partOf = new int[items.size()];
        for (int i : heaviestFirst) {
            int lightest = 0;
            for (int p = 1; p < parts; p++) {
                if (load[p] < load[lightest]) {
                    lightest = p;
                }
            }
            partOf[i] = lightest;
            load[lightest] += weight.applyAsLong(items.get(i));
        }
        List<List<T>> result = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            result.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            result.get(partOf[i]).add(items.get(i));
        }
        return result;
    }
}
