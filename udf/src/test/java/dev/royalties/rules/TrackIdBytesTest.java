package dev.royalties.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A track's index by the bytes of its id is its index by the id as a String, found or not. */
class TrackIdBytesTest {
    @Test
    void findsWhatTheStringLookupFinds() {
        List<Catalogue.Track> tracks = new ArrayList<>();
        List<Catalogue.Right> rights = new ArrayList<>();
        List<String> ids = new ArrayList<>(List.of("Tü-1", "", "x".repeat(300)));
        for (int i = 0; i < 5_000; i++) {
            ids.add("T" + i);
        }
        for (String id : ids) {
            tracks.add(new Catalogue.Track(id, null, null, "none"));
            rights.add(new Catalogue.Right(id, "A", 1_000_000L));
        }
        tracks.add(new Catalogue.Track("T-no-rights", null, null, "none"));
        Catalogue catalogue = new Catalogue(tracks, rights);
        List<String> asked = new ArrayList<>(ids);
        asked.addAll(List.of("T-no-rights", "T5000", "T1x", "t1", "Tü-2", "x".repeat(299)));
        for (String id : asked) {
            byte[] b = ("..." + id + "..").getBytes(StandardCharsets.UTF_8);
            assertThat(catalogue.indexOf(b, 3, b.length - 5)).as(id).isEqualTo(catalogue.indexOf(id));
        }
        assertThat(catalogue.indexOf("T42")).isNotNegative();
        assertThat(catalogue.indexOf("T5000")).isEqualTo(-1);
    }
}
