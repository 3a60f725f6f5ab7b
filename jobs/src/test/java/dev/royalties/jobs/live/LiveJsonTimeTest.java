package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.royalties.rules.Times;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Timestamps of the live messages: the fast path for UTC gives Instant.parse's value or leaves the
 * string to java.time; a zone region without an offset and a time without seconds are read; a
 * fraction finer than microseconds is a bad record.
 */
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
            if (t.getNano() % 1_000 != 0) {
                assertThat(LiveJson.fastUtcMicros(s)).as(s).isEqualTo(Long.MIN_VALUE); // nanoseconds: rejected below
            } else {
                assertThat(LiveJson.fastUtcMicros(s)).as(s).isEqualTo(Times.micros(Instant.parse(s)));
            }
        }
        for (String s : List.of("2026-10-15T06:00:00Z", "2026-10-15T06:00:00.5Z", "2024-02-29T23:59:59.123456Z",
                "1970-01-01T00:00:00Z", "2026-10-15T06:00:00.1234Z")) {
            assertThat(LiveJson.fastUtcMicros(s)).as(s).isEqualTo(Times.micros(Instant.parse(s)));
        }
    }

    @Test
    void anythingElseIsLeftToJavaTime() {
        for (String s : List.of("2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-10-15T24:00:00Z",
                "2026-10-15T06:60:00Z", "2026-10-15T06:00:60Z", "2026-10-15T06:00:00.Z", "1969-12-31T23:59:59Z",
                "2026-10-15 06:00:00Z", "2026-10-15T06:00:00+02:00", "2026-10-15T06:00Z", "+12026-10-15T06:00:00Z",
                "2026-10-15T06:00:00.1234567890Z", "2024-02-29T23:59:59.123456789Z", "2026-10-15T06:00:00.1234560Z", "2026-1x-15T06:00:00Z", "2026-10-15t06:00:00z",
                "2026-10-15T-6:00:00Z", "2026-04-31T00:00:00Z", "1900-02-29T00:00:00Z")) {
            assertThat(LiveJson.fastUtcMicros(s)).as(s).isEqualTo(Long.MIN_VALUE);
        }
    }

    static long played(String time) throws LiveJson.BadRecord {
        return LiveJson.play(("{\"played_at\":\"" + time + "\"}").getBytes(StandardCharsets.UTF_8)).playedAt;
    }

    static long utc(String instant) {
        return Times.micros(Instant.parse(instant));
    }

    @Test
    void aZoneRegionWithoutAnOffsetIsResolvedWithTheRegionsRules() throws Exception {
        assertThat(played("2026-10-05T02:30:00[Europe/Paris]")).isEqualTo(utc("2026-10-05T00:30:00Z"));
        assertThat(played("2026-10-05T02:30:00.123456[Europe/Paris]")).isEqualTo(utc("2026-10-05T00:30:00.123456Z"));
        assertThat(played("2026-01-05T02:30:00[Europe/Paris]")).isEqualTo(utc("2026-01-05T01:30:00Z"));
        // DST gap (02:00-03:00 does not exist on 2026-03-29): moved forward by the gap, 03:30+02:00.
        assertThat(played("2026-03-29T02:30:00[Europe/Paris]")).isEqualTo(utc("2026-03-29T01:30:00Z"));
        // DST overlap (02:00-03:00 happens twice on 2026-10-25): the earlier offset, +02:00.
        assertThat(played("2026-10-25T02:30:00[Europe/Paris]")).isEqualTo(utc("2026-10-25T00:30:00Z"));
        // With an offset as well, the offset decides (as before).
        assertThat(played("2026-10-25T02:30:00+01:00[Europe/Paris]")).isEqualTo(utc("2026-10-25T01:30:00Z"));
        assertThatThrownBy(() -> played("2026-10-05T02:30:00[Europe/Nowhere]"))
                .hasMessage("played_at '2026-10-05T02:30:00[Europe/Nowhere]' is not an ISO-8601 timestamp with a zone");
        assertThatThrownBy(() -> played("2026-10-05T02:30:00[Europe/Paris]x")).hasMessageContaining("with a zone");
    }

    @Test
    void secondsAreOptional() throws Exception {
        assertThat(played("2026-10-05T02:30Z")).isEqualTo(utc("2026-10-05T02:30:00Z"));
        assertThat(played("2026-10-05T04:30+02:00")).isEqualTo(utc("2026-10-05T02:30:00Z"));
        assertThat(played("2026-10-05T04:30[Europe/Paris]")).isEqualTo(utc("2026-10-05T02:30:00Z"));
        assertThatThrownBy(() -> played("2026-10-05T02Z")).hasMessageContaining("with a zone");
    }

    @Test
    void digitsBeyondMicrosecondsAreABadRecordUnlessTheyAreZeros() throws Exception {
        for (String s : List.of("2026-10-05T02:30:00.123456789Z", "2026-10-05T02:30:00.1234567Z",
                "2026-10-05T04:30:00.000000001+02:00", "2026-10-05T04:30:00.1234561[Europe/Paris]")) {
            assertThatThrownBy(() -> played(s)).as(s).isInstanceOf(LiveJson.BadRecord.class)
                    .hasMessage("played_at '" + s + "' is finer than microseconds (at most 6 fractional digits,"
                            + " or zeros after them)");
        }
        // Seven digits as .NET writes them, nine with trailing zeros: nothing is lost.
        assertThat(played("2026-10-05T02:30:00.1234560Z")).isEqualTo(utc("2026-10-05T02:30:00.123456Z"));
        assertThat(played("2026-10-05T04:30:00.123456000+02:00")).isEqualTo(utc("2026-10-05T02:30:00.123456Z"));
    }
}
