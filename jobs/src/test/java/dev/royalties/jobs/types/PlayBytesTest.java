package dev.royalties.jobs.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Nulls;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Plays as the per-user stage receives them: sent as {@link PlayBytes}, taken off whole, built later. */
class PlayBytesTest {
    private static final List<String> CATALOGUE = List.of("T000", "T001", "T050295");
    private final UserPlayRecordSerializer serializer = new UserPlayRecordSerializer();

    private byte[] sent(Play p) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(UserPlayRecord.of(7L, 0L, p), out);
        return out.getCopyOfBuffer();
    }

    private Play received(Play p) throws Exception {
        UserPlayRecord r = serializer.deserialize(new DataInputDeserializer(sent(p)));
        assertThat(r.userHash).isEqualTo(7L);
        return new PlayBytes.Reader(CATALOGUE::get).read(r.bytes, 0);
    }

    private static Play indexed(Play p, int index) {
        p.trackIndex = index;
        return p;
    }

    @Test
    void aCatalogueTrackTravelsAsItsIndexAndComesBackAsTheCataloguesInstance() throws Exception {
        Play p = indexed(new Play("P00000264737", "U00054759", new String("T050295"), 1_790_000_000_123_456L, 31_000,
                "DE", "premium", "search"), 2);
        p.copies = 3;
        Play back = received(p);
        assertThat(back).usingRecursiveComparison().isEqualTo(p);
        assertThat(back.trackId).isSameAs(CATALOGUE.get(2));
        assertThat(sent(p)).hasSizeLessThan(sent(indexed(new Play("P00000264737", "U00054759", "T050295",
                1_790_000_000_123_456L, 31_000, "DE", "premium", "search"), -1)).length);
    }

    @Test
    void everyFieldSurvivesUnknownTracksNullsLongAndNonLatinTextIncluded() throws Exception {
        Play unknown = indexed(new Play("P1", "U1", "T-not-in-catalogue", 5L, 7, "FR", "free", null), -1);
        assertThat(received(unknown)).usingRecursiveComparison().isEqualTo(unknown);

        Play odd = indexed(new Play(null, "", "é".repeat(150), Times.NULL, Nulls.INT, "zz", "ünïcødé 🎵", "радио"), -1);
        assertThat(received(odd)).usingRecursiveComparison().isEqualTo(odd);

        // Longer than one byte of length, and every text beyond the fast path's one-byte lengths.
        Play longIds = indexed(new Play("P".repeat(300), "U".repeat(200), "T000", 1L, 1, "x".repeat(101),
                "pr?mium", "rad€o"), 0);
        assertThat(received(longIds)).usingRecursiveComparison().isEqualTo(longIds);
    }

    @Test
    void numbersAtTheirExtremesAndUnknownCodesSurviveTheVariableWidths() throws Exception {
        for (long at : new long[] {0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1_790_000_000_123L}) {
            for (int ms : new int[] {0, -1, 127, 128, Integer.MAX_VALUE, Integer.MIN_VALUE + 1}) {
                Play p = indexed(new Play("P1", "U1", "T001", at, ms, "ZZ", "premium", null), 1);
                p.copies = ms == 0 ? 1 : Math.abs(ms);
                assertThat(received(p)).usingRecursiveComparison().isEqualTo(p);
            }
        }
        Play unknownCodes = indexed(new Play("P1", "U1", "T001", 5L, 7, "FR", "premium+", "radio "), 1);
        assertThat(received(unknownCodes)).usingRecursiveComparison().isEqualTo(unknownCodes);
    }

    @Test
    void aGeneratedMonthsPlayTakesAboutFortyBytesAndNamesItsUserWithoutBeingBuilt() throws Exception {
        Play p = indexed(new Play("P00000264737", "U00054759", "T050295", 1_790_000_000_123L, 187_000, "SE",
                "premium", "algorithmic"), 2);
        byte[] sent = sent(p);
        assertThat(sent.length - 8).as("less the hash that travels only when a record goes alone").isEqualTo(39);
        byte[] fields = serializer.deserialize(new DataInputDeserializer(sent)).bytes;
        int user = PlayBytes.userIdAt(fields, 0);
        assertThat(new String(fields, user, fields[user - 1], java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("U00054759");
        Play longId = indexed(new Play("P".repeat(300), "U1", "T001", 1L, 1, "FR", "free", null), 1);
        assertThat(PlayBytes.userIdAt(serializer.deserialize(new DataInputDeserializer(sent(longId))).bytes, 0))
                .isEqualTo(-1);
    }

    @Test
    void aByteLevelCopyWritesTheSameBytes() throws Exception {
        for (Play p : new Play[] {indexed(new Play("P1", "U1", "T001", 5L, 7, "FR", "free", null), 1),
            indexed(new Play(null, "ü", "x".repeat(120), Times.NULL, Nulls.INT, null, "student", "🎵"), -1),
            indexed(new Play("P".repeat(400), "U1", "T001", 5L, 7, "FR", "free", null), 1)}) {
            byte[] original = sent(p);
            DataOutputSerializer copied = new DataOutputSerializer(64);
            serializer.copy(new DataInputDeserializer(original), copied);
            assertThat(copied.getCopyOfBuffer()).isEqualTo(original);
        }
    }

    @Test
    void knownCodesTravelAsNumbersAndComeBackAsOneSharedInstance() throws Exception {
        Play a = received(indexed(new Play("P1", "U1", "T000", 0L, 1, "FR", "family", "radio"), 0));
        Play b = received(indexed(new Play("P2", "U2", "T001", 0L, 1, new String("FR"), new String("family"),
                new String("radio")), 1));
        assertThat(a.country).isSameAs(b.country).isEqualTo("FR");
        assertThat(a.product).isSameAs(b.product).isEqualTo("family");
        assertThat(a.origin).isSameAs(b.origin).isEqualTo("radio");
        // The words are numbered in sorted order, the same in every JVM whatever Set.of's iteration order.
        int first = CompactText.numberOf("algorithmic");
        assertThat(CompactText.codeNumbered(first + 1)).isEqualTo("editorial");
    }

    @Test
    void consecutivePlaysOfOneUserShareTheirUserIdString() throws Exception {
        PlayBytes.Reader reader = new PlayBytes.Reader(CATALOGUE::get);
        byte[] a = serializer.deserialize(new DataInputDeserializer(sent(indexed(new Play("P1", "U9", "T000", 1L, 40_000,
                "FR", "free", "radio"), 0)))).bytes;
        byte[] b = serializer.deserialize(new DataInputDeserializer(sent(indexed(new Play("P2", "U9", "T001", 2L, 40_000,
                "FR", "free", "radio"), 1)))).bytes;
        assertThat(reader.read(a, 0).userId).isSameAs(reader.read(b, 0).userId);
    }
}
