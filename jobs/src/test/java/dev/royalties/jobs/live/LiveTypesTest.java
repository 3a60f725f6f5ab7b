package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.rules.Verdict;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The hand-written serializers of the accrual path: every field survives, nulls included. */
class LiveTypesTest {
    static <T> T roundTrip(TypeInformation<T> info, T value) throws Exception {
        TypeSerializer<T> s = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(value, out);
        T back = s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        // copy(source, target) must move exactly one record
        DataOutputSerializer copied = new DataOutputSerializer(64);
        s.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
        assertThat(s.snapshotConfiguration().restoreSerializer()).isSameAs(s);
        return back;
    }

    @Test
    void userEventsPlaysAndVerdicts() throws Exception {
        Play p = new Play("P1", "U1", "T1", 1_760_000_000_000_000L, 40_000, "DE", null);
        p.copies = 3;
        UserEvent e = roundTrip(LiveTypes.USER_EVENT, UserEvent.of(p));
        assertThat(e.verdict).isNull();
        assertThat(e.play).usingRecursiveComparison().isEqualTo(p);
        Verdict v = new Verdict("V1", "user", "U1", Times.NULL, 123L, "fraud", 456L);
        UserEvent f = roundTrip(LiveTypes.USER_EVENT, UserEvent.of(v));
        assertThat(f.play).isNull();
        assertThat(f.verdict).isEqualTo(v);
    }

    @Test
    void deltasAccrualsAndKeptPlays() throws Exception {
        AccrualDelta d = new AccrualDelta(20_000, "A1", "DE", "premium", -1);
        assertThat(roundTrip(LiveTypes.ACCRUAL_DELTA, d)).usingRecursiveComparison().isEqualTo(d);
        AccrualBatch b = new AccrualBatch(3);
        b.add(new AccrualKey(20_000, "A1", "DE", "premium"), 1L << 40);
        b.add(new AccrualKey(-3, "A2", "FR", null), 0);
        assertThat(roundTrip(LiveTypes.ACCRUAL_BATCH, b)).usingRecursiveComparison().isEqualTo(b.trimmed());
        AccrualKey k = new AccrualKey(20_000, "A1", "DE", "premium");
        assertThat(roundTrip(LiveTypes.ACCRUAL_KEY, k)).isEqualTo(k).hasSameHashCodeAs(k);
        UserPlays u = new UserPlays();
        for (int n = 0; n < 40; n++) { // past the scan limit: the index is built, not written
            int at = u.add("P" + n);
            u.set(at, "T1", -5L + n, 31_000, "FR", n % 2 == 0 ? null : "free", n % 3 == 0);
        }
        assertThat(u.find("P33")).isEqualTo(33);
        u.verdicts.add(new Verdict("V1", "user", "U1", Times.NULL, 123L, "fraud", 456L));
        UserPlays back = roundTrip(LiveTypes.USER_PLAYS, u);
        assertThat(back.size).isEqualTo(40);
        assertThat(back.find("P33")).isEqualTo(33);
        assertThat(back).usingRecursiveComparison().ignoringFields("timerDay", "index")
                .isEqualTo(LiveTypes.USER_PLAYS.createSerializer(new org.apache.flink.api.common.serialization.SerializerConfigImpl()).copy(u));
        u.removeIf(n -> n % 2 == 1);
        assertThat(u.size).isEqualTo(20);
        assertThat(u.find("P33")).isEqualTo(-1);
        assertThat(u.find("P32")).isEqualTo(16);
    }

    @Test
    void keptPlayStringsAreWrittenInStringValuesFormat() throws Exception {
        for (String v : new String[] {null, "", "T1", "premium", "é-track", "x".repeat(126), "y".repeat(127),
                "z".repeat(300)}) {
            org.apache.flink.core.memory.DataOutputSerializer fast = new org.apache.flink.core.memory.DataOutputSerializer(16);
            org.apache.flink.core.memory.DataOutputSerializer flink = new org.apache.flink.core.memory.DataOutputSerializer(16);
            LiveTypes.writeString(v, fast);
            org.apache.flink.types.StringValue.writeString(v, flink);
            assertThat(fast.getCopyOfBuffer()).as(String.valueOf(v)).isEqualTo(flink.getCopyOfBuffer());
        }
    }
}
