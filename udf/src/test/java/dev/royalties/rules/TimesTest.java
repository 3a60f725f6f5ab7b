package dev.royalties.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Instants are UTC microseconds in a long; the quarantine prints ISO-8601, the CSVs SQL style. */
class TimesTest {

    @Test
    void microsRoundTripIncludingBeforeTheEpoch() {
        for (String iso : new String[] {"2026-10-13T03:28:15.330Z", "1969-12-31T23:59:59.999999Z",
                "1970-01-01T00:00:00Z", "1900-03-01T00:00:00.000001Z"}) {
            Instant i = Instant.parse(iso);
            assertThat(Times.instant(Times.micros(i))).as(iso).isEqualTo(i);
        }
        assertThat(Times.micros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
        assertThat(Times.parseInstant("1970-01-01T00:00:01Z")).isEqualTo(1_000_000);
    }

    @Test
    void subMicrosecondDigitsAreTruncated() {
        assertThat(Times.micros(Instant.parse("2026-10-01T00:00:00.000000999Z")))
                .isEqualTo(Times.parseInstant("2026-10-01T00:00:00Z"));
    }

    @Test
    void isoAndSqlRenderings() {
        long t = Times.parseInstant("2026-10-13T03:28:15.330Z");
        assertThat(Times.iso(t)).isEqualTo("2026-10-13T03:28:15.330Z");
        // Trailing zeros dropped, as the worked example's CSVs print timestamps.
        assertThat(Times.sql(t)).isEqualTo("2026-10-13 03:28:15.33");
        assertThat(Times.sql(Times.parseInstant("2026-10-25T13:59:50.690112Z"))).isEqualTo("2026-10-25 13:59:50.690112");
        assertThat(Times.sql(Times.parseInstant("2026-10-25T13:59:50Z"))).isEqualTo("2026-10-25 13:59:50");
        assertThat(Times.iso(Times.NULL)).isNull();
        assertThat(Times.sql(Times.NULL)).isNull();
    }
}
