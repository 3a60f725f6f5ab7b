package dev.royalties.jobs.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Nulls;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class MonthlyPlaySerializerTest {
    private static final MonthlyPlaySerializer S = MonthlyPlaySerializer.INSTANCE;

    private static byte[] bytes(Play p) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        S.serialize(p, out);
        return out.getCopyOfBuffer();
    }

    private static Play roundTrip(Play p) throws Exception {
        return S.deserialize(new DataInputDeserializer(bytes(p)));
    }

    @Test
    void everyFieldSurvivesNullsLongAndNonLatinTextIncluded() throws Exception {
        Play p = new Play("P00000264737", "U00054759", "T050295", 1_790_000_000_123_456L, 31_000, "DE", "premium",
                "search");
        p.copies = 3;
        assertThat(roundTrip(p)).usingRecursiveComparison().isEqualTo(p);

        Play odd = new Play(null, "", "é".repeat(150), Times.NULL, Nulls.INT, "zz", "ünïcødé 🎵", "радио");
        assertThat(roundTrip(odd)).usingRecursiveComparison().isEqualTo(odd);

        // Short ids with a real '?', and with characters that Latin-1 would turn into one.
        Play marks = new Play("P?1", "U\u20ac?", "T€", 1L, 1, "F?", "pr?mium", "rad€o");
        assertThat(roundTrip(marks)).usingRecursiveComparison().isEqualTo(marks);
    }

    @Test
    void knownCodesComeBackAsOneSharedInstance() throws Exception {
        Play a = roundTrip(new Play("P1", "U1", "T1", 0L, 1, "FR", "family", "radio"));
        Play b = roundTrip(new Play("P2", "U2", "T2", 0L, 1, "FR", "family", "radio"));
        assertThat(a.country).isSameAs(b.country).isEqualTo("FR");
        assertThat(a.product).isSameAs(b.product);
        assertThat(a.origin).isSameAs(b.origin);
    }

    @Test
    void aByteLevelCopyWritesTheSameBytes() throws Exception {
        for (Play p : new Play[] {new Play("P1", "U1", "T1", 5L, 7, "FR", "free", null),
            new Play(null, "ü", "x".repeat(120), Times.NULL, Nulls.INT, null, "student", "🎵")}) {
            byte[] original = bytes(p);
            DataOutputSerializer copied = new DataOutputSerializer(64);
            S.copy(new DataInputDeserializer(original), copied);
            assertThat(copied.getCopyOfBuffer()).isEqualTo(original);
        }
    }

    @Test
    void theTrackIndexTravelsAndKnownCreditsTravelAsTheirIndex() throws Exception {
        Play read = new Play("P1", "U1", "T7", 5L, 7, "FR", "free", null);
        read.trackIndex = 41;
        assertThat(roundTrip(read).trackIndex).isEqualTo(41);
        assertThat(S.copy(read).trackIndex).isEqualTo(41);

        Play looked = new Play("P2", "U1", "T7", 5L, 7, "FR", "free", null);
        looked.credits = new dev.royalties.rules.Catalogue.Credits("T7", 6, new String[] {"A"}, new long[] {1},
                false);
        Play back = roundTrip(looked);
        assertThat(back.trackIndex).isEqualTo(6);
        assertThat(back.credits).isNull(); // looked up again, by index, where it lands
        assertThat(roundTrip(new Play("P3", "U1", "T0", 5L, 7, "FR", "free", null)).trackIndex).isEqualTo(-1);
    }
}
