package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.royalties.rules.Nulls;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The message formats of the live topics (docs/live.md): what is read, and what is a bad record. */
class LiveJsonTest {
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void timestampsAreIsoWithAZoneOrEpochMillis() throws Exception {
        long expected = Times.parseInstant("2026-10-25T11:59:50.690112Z");
        for (String t : new String[] {"\"2026-10-25T11:59:50.690112Z\"", "\"2026-10-25T13:59:50.690112+02:00\"",
            "\"2026-10-25T12:59:50.690112+01:00[Europe/Paris]\""}) {
            assertThat(LiveJson.play(b("{\"played_at\":" + t + "}")).playedAt).as(t).isEqualTo(expected);
        }
        assertThat(LiveJson.play(b("{\"played_at\":1790000000123}")).playedAt).isEqualTo(1_790_000_000_123_000L);
        assertThatThrownBy(() -> LiveJson.play(b("{\"played_at\":\"2026-10-25T11:59:50\"}")))
                .hasMessageContaining("with a zone");
        assertThatThrownBy(() -> LiveJson.play(b("{\"played_at\":true}")))
                .hasMessageContaining("played_at must be an ISO-8601 string or epoch milliseconds, got a boolean");
    }

    @Test
    void missingAndNullFieldsAreNullsAndUnknownFieldsAreIgnored() throws Exception {
        Play p = LiveJson.play(b("{\"play_id\":\"P1\",\"ms_played\":null,\"extra\":{\"a\":[1,2]},\"country\":\"SE\"}"));
        assertThat(p.playId).isEqualTo("P1");
        assertThat(p.userId).isNull();
        assertThat(p.msPlayed).isEqualTo(Nulls.INT);
        assertThat(p.playedAt).isEqualTo(Times.NULL);
        assertThat(p.country).isEqualTo("SE");
    }

    @Test
    void wrongTypesAndMalformedJsonAreBadRecords() {
        assertThatThrownBy(() -> LiveJson.usage(b("{\"units\":\"5\"}")))
                .hasMessage("units must be a whole number, got a string");
        assertThatThrownBy(() -> LiveJson.usage(b("{\"units\":99999999999999999999}")))
                .hasMessageContaining("out of the BIGINT range");
        assertThatThrownBy(() -> LiveJson.play(b("{\"play_id\":\"P1\"} {}")))
                .hasMessage("trailing content after the JSON object");
        assertThatThrownBy(() -> LiveJson.play(b("{\"play_id\":")))
                .hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> LiveJson.verdict(b("\"x\""))).hasMessageContaining("not a JSON object");
    }

    @Test
    void writersAndReadersRoundTrip() throws Exception {
        Play p = new Play("P1", "U1", "T1", Times.parseInstant("2026-10-01T00:00:00.000001Z"), 30_000, "DE", "free");
        assertThat(LiveJson.play(LiveJson.toJson(p)).toJson()).isEqualTo(p.toJson());
        Usage u = new Usage("G1", "L1", "M1", "T1", "training", Times.parseInstant("2026-10-01T00:00:00Z"), 7);
        assertThat(LiveJson.usage(LiveJson.toJson(u)).toJson()).isEqualTo(u.toJson());
        Verdict v = new Verdict("V1", "user", "U1", Times.NULL, Times.parseInstant("2026-10-02T00:00:00Z"), "fraud",
                Times.parseInstant("2026-10-03T00:00:00Z"));
        assertThat(LiveJson.verdict(LiveJson.toJson(v))).isEqualTo(v);
    }

    @Test
    void aFieldGivenTwiceIsAnAmbiguousBadRecord() {
        assertThatThrownBy(() -> LiveJson.play(b("{\"play_id\":\"P1\",\"ms_played\":40000,\"play_id\":\"P2\"}")))
                .isInstanceOf(LiveJson.BadRecord.class)
                .hasMessage("field 'play_id' appears more than once: ambiguous message");
        assertThatThrownBy(() -> LiveJson.usage(b("{\"units\":1,\"units\":1}")))
                .hasMessage("field 'units' appears more than once: ambiguous message");
        assertThatThrownBy(() -> LiveJson.verdict(b("{\"decision\":\"fraud\",\"decision\":\"cleared\"}")))
                .hasMessage("field 'decision' appears more than once: ambiguous message");
        // Also a field the table does not use, and inside an ignored object: the message is ambiguous anyway.
        assertThatThrownBy(() -> LiveJson.play(b("{\"note\":1,\"note\":2}")))
                .hasMessage("field 'note' appears more than once: ambiguous message");
        assertThatThrownBy(() -> LiveJson.play(b("{\"extra\":{\"a\":1,\"a\":2}}")))
                .hasMessage("field 'a' appears more than once: ambiguous message");
    }
}
