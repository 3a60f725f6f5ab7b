package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BalancedPartsTest {
    @Test
    void theHeaviestGoFirstToTheLightestPartAndEachPartKeepsTheGivenOrder() {
        List<Integer> weights = List.of(5, 9, 1, 7, 3, 4);
        // 9 to part 0, 7 to 1, 5 to 1 (7 < 9), 4 to 0 (9 < 12), 3 to 1 (12 < 13), 1 to 0 (13 < 15).
        List<List<Integer>> parts = BalancedParts.split(weights, 2, Integer::longValue);
        assertThat(parts).containsExactly(List.of(9, 1, 4), List.of(5, 7, 3));
        assertThat(parts.get(0).stream().mapToInt(i -> i).sum()).isEqualTo(14);
        assertThat(parts.get(1).stream().mapToInt(i -> i).sum()).isEqualTo(15);
    }

    @Test
    void moreOrFewerPartsThanItems() {
        assertThat(BalancedParts.split(List.of(3), 2, Integer::longValue)).containsExactly(List.of(3), List.of());
        assertThat(BalancedParts.split(List.<Integer>of(), 2, Integer::longValue)).containsExactly(List.of(), List.of());
        assertThat(BalancedParts.split(List.of(1, 2, 3), 1, Integer::longValue)).containsExactly(List.of(1, 2, 3));
        assertThatThrownBy(() -> BalancedParts.split(List.of(1), 0, Integer::longValue))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalWeightsGoRoundInTheGivenOrder() {
        assertThat(BalancedParts.split(List.of("a", "b", "c", "d"), 2, s -> 1))
                .containsExactly(List.of("a", "c"), List.of("b", "d"));
    }
}
