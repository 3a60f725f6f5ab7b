package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Catalogue;
import dev.royalties.rules.CatalogueLedger;
import dev.royalties.rules.PlayStatus;
import dev.royalties.rules.PlayTally;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Play tallies on their way from the per-user workers to the allocation. */
class PartialSerializerTest {
    private final Catalogue catalogue = new Catalogue(
            List.of(new Catalogue.Track("T1", "ISRC1", 200_000, "none"), new Catalogue.Track("T2", "ISRC2", 180_000,
                    "none")),
            List.of(new Catalogue.Right("T1", "A1", 1_000_000L), new Catalogue.Right("T2", "A2", 1_000_000L)));

    private static PlayTally received(PlayTally t) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        PartialSerializer.INSTANCE.serialize(Partial.batched(List.of(t)).get(0), out);
        return PartialSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())).plays[0];
    }

    private static PlayTally tally(String trackId, long eligible, long capped, long active) {
        PlayTally t = new PlayTally("DE", "premium", trackId);
        t.byStatus[PlayStatus.ELIGIBLE.ordinal()] = eligible;
        t.byStatus[PlayStatus.CAPPED.ordinal()] = capped;
        t.activeEligible = active;
        return t;
    }

    @Test
    void aCatalogueTrackTravelsAsItsIndexAndTheReceiversCatalogueGivesItsIdBack() throws Exception {
        CatalogueLedger worker = new CatalogueLedger(catalogue);
        worker.countEligible("DE", "premium", "T2", true);
        PlayTally sent = worker.all().get(0);
        assertThat(sent.trackIndex).isEqualTo(catalogue.indexOf("T2"));

        PlayTally back = received(sent);
        assertThat(back.trackId).isNull();
        assertThat(back.trackIndex).isEqualTo(sent.trackIndex);
        assertThat(PartialSerializer.withTrackId(back, catalogue).trackId).isEqualTo("T2");
        assertThat(back).usingRecursiveComparison().isEqualTo(sent);
    }

    @Test
    void anUnmatchedTrackTravelsAsTextAndLargeCountsSurvive() throws Exception {
        PlayTally unmatched = tally("T-unknown", Long.MAX_VALUE, 300, 127);
        PlayTally back = received(unmatched);
        assertThat(back).usingRecursiveComparison().isEqualTo(unmatched);
        assertThat(back.trackIndex).isEqualTo(-1);
        assertThat(PartialSerializer.withTrackId(back, catalogue).trackId).isEqualTo("T-unknown");
    }

    @Test
    void theAllocationAddsUpTalliesByIndexAndByTextAlike() throws Exception {
        CatalogueLedger w1 = new CatalogueLedger(catalogue);
        CatalogueLedger w2 = new CatalogueLedger(catalogue);
        w1.countEligible("DE", "premium", "T1", false);
        w2.countEligible("DE", "premium", "T1", true);
        w2.count("DE", "premium", "T-unknown", PlayStatus.UNMATCHED, 4);
        CatalogueLedger allocation = new CatalogueLedger(catalogue);
        for (CatalogueLedger w : List.of(w1, w2)) {
            for (PlayTally t : w.all()) {
                allocation.add(PartialSerializer.withTrackId(received(t), catalogue));
            }
        }
        List<PlayTally> pool = allocation.tallies("DE", "premium");
        assertThat(pool).extracting(t -> t.trackId).containsExactly("T1", "T-unknown");
        assertThat(pool.get(0).eligible()).isEqualTo(2);
        assertThat(pool.get(0).activeEligible).isEqualTo(1);
        assertThat(pool.get(1).byStatus[PlayStatus.UNMATCHED.ordinal()]).isEqualTo(4);
        assertThat(allocation.tallies("FR", "premium")).isEmpty();
    }

    @Test
    void aWorkersLedgerTravelsAsRunsOfCatalogueTracksAndBatchesOfOthersAndAddsUpTheSame() throws Exception {
        List<Catalogue.Track> tracks = new java.util.ArrayList<>();
        List<Catalogue.Right> rights = new java.util.ArrayList<>();
        for (int i = 0; i < 3 * Partial.BATCH; i++) {
            tracks.add(new Catalogue.Track("T" + (10_000 + i), null, 200_000, "none"));
            rights.add(new Catalogue.Right("T" + (10_000 + i), "A" + i % 7, 1_000_000L));
        }
        Catalogue big = new Catalogue(tracks, rights);
        CatalogueLedger worker = new CatalogueLedger(big);
        for (int i = 0; i < 2 * Partial.BATCH + 3; i++) {
            worker.countEligible("DE", "premium", "T" + (10_000 + i * 37 % tracks.size()), i % 3 == 0);
            worker.count("FR", "free", "T" + (10_000 + i), PlayStatus.CAPPED, Long.MAX_VALUE / 4);
        }
        worker.count("DE", "premium", "T-unknown", PlayStatus.UNMATCHED, 4);
        List<Partial> sent = new java.util.ArrayList<>();
        Partial.send(worker, sent::add);
        assertThat(sent).filteredOn(p -> p.plays != null).hasSize(1);

        CatalogueLedger allocation = new CatalogueLedger(big);
        for (Partial p : sent) {
            DataOutputSerializer out = new DataOutputSerializer(64);
            PartialSerializer.INSTANCE.serialize(p, out);
            Partial back = PartialSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(PartialSerializer.INSTANCE.copy(back)).usingRecursiveComparison().isEqualTo(back);
            if (back.run != null) {
                assertThat(back.run.size).isBetween(1, Partial.BATCH);
                allocation.add(back.run);
            } else {
                for (PlayTally t : back.plays) {
                    allocation.add(PartialSerializer.withTrackId(t, big));
                }
            }
        }
        assertThat(lines(allocation.all())).isEqualTo(lines(worker.all()));
    }

    /** Each tally as one sorted line: a recursive comparison ignoring order is quadratic in tallies. */
    private static List<String> lines(List<PlayTally> tallies) {
        return tallies.stream().map(t -> t.country + "|" + t.product + "|" + t.trackId + "|"
                + java.util.Arrays.toString(t.byStatus) + "|" + t.activeEligible).sorted().toList();
    }

    @Test
    void aWorkersLedgerTravelsInBatchesThatKeepEveryTallyAndItsOrder() throws Exception {
        List<PlayTally> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * Partial.BATCH + 3; i++) {
            sent.add(i % 2 == 0 ? tally("T-" + i, i, i / 3, i % 5) : tally("T2", 1, 0, 0));
        }
        List<Partial> batches = Partial.batched(sent);
        assertThat(batches).hasSize(3);
        List<PlayTally> back = new java.util.ArrayList<>();
        for (Partial b : batches) {
            DataOutputSerializer out = new DataOutputSerializer(64);
            PartialSerializer.INSTANCE.serialize(b, out);
            Partial p = PartialSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(p.plays).hasSizeLessThanOrEqualTo(Partial.BATCH);
            assertThat(PartialSerializer.INSTANCE.copy(p)).usingRecursiveComparison().isEqualTo(p);
            back.addAll(List.of(p.plays));
        }
        assertThat(back).usingRecursiveComparison().isEqualTo(sent);
        assertThat(Partial.batched(List.of())).isEmpty();
    }
}
