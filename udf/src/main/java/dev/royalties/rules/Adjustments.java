package dev.royalties.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed since the previous complete revision (spec §9): one row per payment key whose
 * amount differs; a key missing on one side counts as 0.00.
 */
public final class Adjustments {
    private Adjustments() {}

    public static List<Adjustment> between(List<ArtistPayment> previous, List<ArtistPayment> current) {
        Map<String, ArtistPayment> before = new HashMap<>();
        previous.forEach(p -> before.merge(p.key(), p, Adjustments::sum));
        Map<String, ArtistPayment> now = new HashMap<>();
        current.forEach(p -> now.merge(p.key(), p, Adjustments::sum));
        List<ArtistPayment> keys = new ArrayList<>(now.values());
        before.forEach((k, p) -> {
            if (!now.containsKey(k)) {
                keys.add(p);
            }
        });
        keys.sort(Allocation.PAYMENT_ORDER);
        List<Adjustment> out = new ArrayList<>();
        for (ArtistPayment k : keys) {
            long was = before.containsKey(k.key()) ? before.get(k.key()).amountCents() : 0;
            long is = now.containsKey(k.key()) ? now.get(k.key()).amountCents() : 0;
            if (was != is) {
                out.add(new Adjustment(k.artistId(), k.source(), k.country(), k.product(), k.licenseeId(),
                        k.currency(), was, is, is - was));
            }
        }
        return out;
    }

    private static ArtistPayment sum(ArtistPayment a, ArtistPayment b) {
        return new ArtistPayment(a.artistId(), a.source(), a.country(), a.product(), a.licenseeId(),
                a.units() + b.units(), a.amountCents() + b.amountCents(), a.currency());
    }
}
