package dev.royalties.jobs.monthly;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** The human summary printed at the end of a run, from its manifest. */
final class RunSummary {
    private RunSummary() {}

    static void print(PrintStream out, JsonNode m, String output) {
        JsonNode c = m.get("input_counts");
        JsonNode policy = m.get("policy");
        out.printf("royalties monthly %s, revision %d (as-of %s; min-play-ms %d, user-monthly-cap %d)%n",
                m.get("period").asText(), m.get("revision").asInt(), m.get("as_of").asText(),
                policy.get("min_play_ms").asLong(), policy.get("user_monthly_cap").asLong());
        if (policy.path("min_track_streams").asLong() > 0 || policy.path("min_track_listeners").asLong() > 0) {
            out.printf("  threshold a track needs %,d streams over 12 months and %,d listeners this month%n",
                    policy.get("min_track_streams").asLong(), policy.get("min_track_listeners").asLong());
        }
        JsonNode history = m.get("history");
        if (history != null) {
            out.printf("  history   %s; history missing: %s%n", history.get("revisions_read").toString(),
                    history.get("missing").asText().isEmpty() ? "none" : history.get("missing").asText());
        }
        out.printf("  model     %s pays%s; %d professional artists%n", policy.path("model").asText("pro-rata"),
                policy.path("compare_models").isEmpty() ? "" : " (compared: " + policy.get("compare_models") + ")",
                m.path("professional_artists").asInt());
        out.printf("  plays     %,d read, %,d quarantined, %,d duplicates, %,d out of period%n",
                n(c, "plays.read"), n(c, "plays.quarantined"), n(c, "plays.duplicates"), n(c, "plays.out_of_period"));
        StringBuilder byStatus = new StringBuilder();
        m.get("plays_by_status").fields().forEachRemaining(e -> byStatus.append(String.format(" %s %,d",
                e.getKey(), e.getValue().asLong())));
        long unpooled = 0;
        for (JsonNode v : m.get("unpooled_plays_by_status")) {
            unpooled += v.asLong();
        }
        out.printf("            by status:%s; %,d in no pool%n", byStatus, unpooled);
        out.printf("  ai usage  %,d read, %,d quarantined, %,d duplicates, %,d out of period, %,d without licence;"
                        + " %,d violations%n", n(c, "ai_usage.read"), n(c, "ai_usage.quarantined"),
                n(c, "ai_usage.duplicates"), n(c, "ai_usage.out_of_period"), n(c, "ai_usage.unlicensed_rows"),
                n(c, "ai_violations.rows"));
        out.printf("  %-13s %-7s %-8s %-8s %-4s %16s %16s %16s%n", "pool", "country", "product", "licensee",
                "cur", "amount", "allocated", "held");
        for (JsonNode p : m.get("pools")) {
            out.printf("  %-13s %-7s %-8s %-8s %-4s %16s %16s %16s%n", p.get("source").asText(), text(p, "country"),
                    text(p, "product"), text(p, "licensee_id"), p.get("currency").asText(),
                    p.get("pool_amount").asText(), p.get("allocated_amount").asText(), p.get("held_amount").asText());
        }
        m.get("totals_per_currency").fields().forEachRemaining(e -> out.printf(
                "  total %-4s %16s pooled = %16s allocated + %16s held%n", e.getKey(),
                e.getValue().get("pool_amount").asText(), e.getValue().get("allocated_amount").asText(),
                e.getValue().get("held_amount").asText()));
        if (policy.path("compare_models").size() > 0) {
            out.printf("  %-15s %-4s %8s %16s %10s %10s %22s%n", "model", "cur", "artists", "catalogue", "top 1 %",
                    "top 10 %", "moved > 10 % vs paying");
            for (JsonNode model : m.get("models")) {
                out.printf("  %-15s %-4s %,8d %16s %10s %10s %,22d%n", model.get("model").asText(),
                        model.get("currency").asText(), model.get("artists").asInt(),
                        model.get("catalogue_amount").asText(), share(model, "top_1pct_amount"),
                        share(model, "top_10pct_amount"), model.get("artists_changed_over_10pct").asInt());
            }
        }
        StringBuilder rows = new StringBuilder();
        m.get("output_rows").fields().forEachRemaining(e -> rows.append(String.format(" %s %,d;", e.getKey(),
                e.getValue().asLong())));
        out.printf("  output    %s (%s)%n", output, rows.substring(1, rows.length() - 1));
        out.printf("  elapsed   %.1f s%n", Duration.between(Instant.parse(m.get("started_at").asText()),
                Instant.parse(m.get("finished_at").asText())).toMillis() / 1000.0);
    }

    /** A display share of the catalogue money, one decimal (never used as money). */
    private static String share(JsonNode c, String field) {
        java.math.BigDecimal total = new java.math.BigDecimal(c.get("catalogue_amount").asText());
        if (total.signum() == 0) {
            return "-";
        }
        return new java.math.BigDecimal(c.get(field).asText()).multiply(java.math.BigDecimal.valueOf(100))
                .divide(total, 1, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    private static long n(JsonNode c, String name) {
        JsonNode v = c.get(name);
        return v == null ? 0 : v.asLong();
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
