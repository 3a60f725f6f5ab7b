package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Times;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path for UTC timestamps gives Instant.parse's value, or leaves the string to it. */
class LiveJsonTimeTest {
    @Test
    void sameValueAsInstantParse() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long seconds = rnd.nextLong(0, 253_402_300_799L); // 1970 .. 9999-12-31T23:59:59
            int nanos = rnd.nextInt(1_000_000_000);
            Instant t = Instant.ofEpochSecond(seconds, switch (i % 4) {
                case 0 -> 0;
                case 1 -> nanos / 1_000_000 * 1_000_000;
                case 2 -> nanos / 1_000 * 1_000;
                default -> nanos;
            });
            String s = t.toString();
            assertThat(LiveJson.fastUtcMicros(s)).as(s).isEqualTo(Times.micros(Instant.parse(s)));
        }
        for (String s : List.of("2026-10-15T06:00:00Z", "2026-10-15T06:00:00.5Z", "2024-02-29T23:59:59.123456789Z",
                "1970-01-01T00:00:00Z", "2026-10-15T06:00:00.1234Z")) {
            assertThat(LiveJson.fastUtcMicros(s)).as(s).isEqualTo(Times.micros(Instant.parse(s)));
        }
    }

    @Test
    void anythingElseIsLeftToJavaTime() {
        for (String s : List.of("2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-10-15T24:00:00Z",
                "2026-10-15T06:60:00Z", "2026-10-15T06:00:60Z", "2026-10-15T06:00:00.Z", "1969-12-31T23:59:59Z",
                "2026-10-15 06:00:00Z", "2026-10-15T06:00:00+02:00", "2026-10-15T06:00Z", "+12026-10-15T06:00:00Z",
                "2026-10-15T06:00:00.1234567890Z", "2026-1x-15T06:00:00Z", "2026-10-15t06:00:00z",
                "2026-10-15T-6:00:00Z", "2026-04-31T00:00:00Z", "1900-02-29T00:00:00Z")) {
            assertThat(LiveJson.fastUtcMicros(s)).as(s).isEqualTo(Long.MIN_VALUE);
        }
    }
}
