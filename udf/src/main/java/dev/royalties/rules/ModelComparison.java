package dev.royalties.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Several payment models side by side (issue 9 §4): the model_comparison rows, and per model how
 * concentrated the catalogue money is and how many artists it moves against the paying model.
 */
public final class ModelComparison {
    private ModelComparison() {}

    /** One model_comparison row: what one model pays one payment key. */
    public record Row(String artistId, String source, String country, String product, String licenseeId,
                      String currency, String model, long amountCents) {}

    /**
     * One row per (payment key, model) for every key that some model pays above 0.00, so a key a
     * model does not pay shows as 0.00 there. Sorted by key, then in the order of the models given.
     */
    public static List<Row> rows(LinkedHashMap<PaymentModel, List<ArtistPayment>> byModel) {
        TreeMap<String, ArtistPayment> keys = new TreeMap<>(CodePoints.ORDER);
        Map<PaymentModel, Map<String, Long>> amounts = new HashMap<>();
        byModel.forEach((m, payments) -> {
            Map<String, Long> a = new HashMap<>();
            for (ArtistPayment p : payments) {
                a.put(p.key(), p.amountCents());
                if (p.amountCents() > 0) {
                    keys.putIfAbsent(p.key(), p);
                }
            }
            amounts.put(m, a);
        });
        List<Row> out = new ArrayList<>();
        for (ArtistPayment k : keys.values()) {
            for (PaymentModel m : byModel.keySet()) {
                out.add(new Row(k.artistId(), k.source(), k.country(), k.product(), k.licenseeId(), k.currency(),
                        m.label(), amounts.get(m).getOrDefault(k.key(), 0L)));
            }
        }
        return out;
    }

    /**
     * Catalogue money of one model in one currency: artists paid (weight above zero), the total, the
     * cents of the top 1 % and top 10 % of those artists (at least one artist each), and the artists
     * whose catalogue total differs from the paying model's by more than 10 % of it.
     */
    public record Concentration(String model, String currency, int artists, long totalCents, long top1PctCents,
                                long top10PctCents, int changedOver10Pct) {}

    public static List<Concentration> concentration(LinkedHashMap<PaymentModel, List<ArtistPayment>> byModel,
                                                    PaymentModel paying) {
        Map<PaymentModel, Map<String, Map<String, Long>>> totals = new LinkedHashMap<>(); // model -> currency -> artist
        byModel.forEach((m, payments) -> {
            Map<String, Map<String, Long>> byCurrency = new TreeMap<>();
            for (ArtistPayment p : payments) {
                if ("catalogue".equals(p.source())) {
                    byCurrency.computeIfAbsent(p.currency(), k -> new HashMap<>())
                            .merge(p.artistId(), p.amountCents(), Long::sum);
                }
            }
            totals.put(m, byCurrency);
        });
        List<Concentration> out = new ArrayList<>();
        Map<String, Map<String, Long>> base = totals.getOrDefault(paying, Map.of());
        totals.forEach((m, byCurrency) -> byCurrency.forEach((currency, artists) -> {
            long[] amounts = artists.values().stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(amounts);
            int n = amounts.length;
            long total = Arrays.stream(amounts).sum();
            Map<String, Long> paid = base.getOrDefault(currency, Map.of());
            int changed = 0;
            for (Map.Entry<String, Long> e : artists.entrySet()) {
                long p = paid.getOrDefault(e.getKey(), 0L);
                if (movedOver10Pct(p, e.getValue())) {
                    changed++;
                }
            }
            out.add(new Concentration(m.label(), currency, n, total, top(amounts, (n + 99) / 100),
                    top(amounts, (n + 9) / 10), changed));
        }));
        return out;
    }

    /** |m − p| > 10 % of p, in exact integers; from 0.00 any payment is a change. */
    static boolean movedOver10Pct(long paying, long model) {
        long diff = Math.abs(model - paying);
        return paying == 0 ? diff > 0 : diff * 10 > paying;
    }

    private static long top(long[] ascending, int k) {
        long sum = 0;
        for (int i = ascending.length - 1; i >= Math.max(0, ascending.length - k); i--) {
            sum += ascending[i];
        }
        return sum;
    }
}
