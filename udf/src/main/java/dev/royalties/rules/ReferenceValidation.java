package dev.royalties.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks every row of the reference tables, whatever its period (spec §3). Problems are collected
 * and reported together in one line that names the offending keys, so that one failed run shows
 * everything the upstream team has to fix.
 */
public final class ReferenceValidation {
    private static final int MAX_LISTED = 25;
    private static final long ONE = 1_000_000L;

    private final List<String> problems = new ArrayList<>();

    private ReferenceValidation() {}

    public static void check(ReferenceData d) {
        ReferenceValidation v = new ReferenceValidation();
        v.tracks(d.tracks());
        v.rights(d.rights());
        v.pools(d.pools());
        v.verdicts(d.verdicts());
        v.consents(d.consents());
        v.licences(d.licences());
        if (!v.problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("reference data is inconsistent (")
                    .append(v.problems.size()).append(v.problems.size() == 1 ? " problem): " : " problems): ");
            for (int i = 0; i < Math.min(MAX_LISTED, v.problems.size()); i++) {
                sb.append(i == 0 ? "" : "; ").append(v.problems.get(i));
            }
            if (v.problems.size() > MAX_LISTED) {
                sb.append("; and ").append(v.problems.size() - MAX_LISTED).append(" more");
            }
            throw new ReferenceDataException(sb.toString());
        }
    }

    private void tracks(List<Catalogue.Track> rows) {
        Set<String> seen = new HashSet<>();
        for (Catalogue.Track t : rows) {
            if (Nulls.blank(t.trackId())) {
                problems.add("tracks: a row has a null or empty track_id");
                continue;
            }
            if (!seen.add(t.trackId())) {
                problems.add("tracks: duplicate track_id " + t.trackId());
            }
            if (t.aiContent() == null || !Vocabulary.AI_CONTENT.contains(t.aiContent())) {
                problems.add("tracks: track " + t.trackId() + " has ai_content " + show(t.aiContent())
                        + " (expected none, assisted or full)");
            }
        }
    }

    private void rights(List<Catalogue.Right> rows) {
        Set<String> seen = new HashSet<>();
        Map<String, Long> sums = new TreeMap<>(CodePoints.ORDER);
        for (Catalogue.Right r : rows) {
            if (Nulls.blank(r.trackId()) || Nulls.blank(r.artistId())) {
                problems.add("track_rights: a row has a null or empty key (track_id " + show(r.trackId())
                        + ", artist_id " + show(r.artistId()) + ")");
                continue;
            }
            if (!seen.add(r.trackId() + '\u0000' + r.artistId())) {
                problems.add("track_rights: duplicate key (" + r.trackId() + ", " + r.artistId() + ")");
            }
            Long s = r.shareMicros();
            if (s == null || s <= 0 || s > ONE) {
                problems.add("track_rights: share of (" + r.trackId() + ", " + r.artistId() + ") is "
                        + (s == null ? "null" : shareText(s)) + ", outside (0, 1]");
            }
            sums.merge(r.trackId(), s == null ? 0L : s, Long::sum);
        }
        sums.forEach((track, sum) -> {
            if (sum != ONE) {
                problems.add("track_rights: shares of track " + track + " sum to " + shareText(sum)
                        + ", not 1.000000");
            }
        });
    }

    private void pools(List<Pool> rows) {
        Set<String> seen = new HashSet<>();
        for (Pool p : rows) {
            String key = "(" + p.period() + ", " + p.country() + ", " + p.product() + ")";
            if (Nulls.blank(p.period()) || Nulls.blank(p.country()) || Nulls.blank(p.product())) {
                problems.add("revenue_pools: null or empty key " + key);
                continue;
            }
            if (!seen.add(p.period() + '\u0000' + p.country() + '\u0000' + p.product())) {
                problems.add("revenue_pools: duplicate key " + key);
            }
            if (!Vocabulary.PRODUCTS.contains(p.product())) {
                problems.add("revenue_pools: pool " + key + " has product " + show(p.product())
                        + " (expected premium, family, student or free)");
            }
            amount("revenue_pools", "pool " + key, p.amountCents(), p.currency());
        }
    }

    private void licences(List<Licence> rows) {
        Set<String> seen = new HashSet<>();
        for (Licence l : rows) {
            String key = "(" + l.licenseeId() + ", " + l.scope() + ", " + l.period() + ")";
            if (Nulls.blank(l.licenseeId()) || Nulls.blank(l.scope()) || Nulls.blank(l.period())) {
                problems.add("ai_licences: null or empty key " + key);
                continue;
            }
            if (!seen.add(l.licenseeId() + '\u0000' + l.scope() + '\u0000' + l.period())) {
                problems.add("ai_licences: duplicate key " + key);
            }
            if (!Vocabulary.SCOPES.contains(l.scope())) {
                problems.add("ai_licences: licence " + key + " has scope " + show(l.scope())
                        + " (expected training or generation)");
            }
            amount("ai_licences", "licence " + key, l.amountCents(), l.currency());
        }
    }

    private void amount(String table, String what, Long cents, String currency) {
        if (cents == null) {
            problems.add(table + ": " + what + " has a null amount");
        } else if (cents < 0) {
            problems.add(table + ": " + what + " has a negative amount " + Money.format(cents));
        }
        if (Nulls.blank(currency)) {
            problems.add(table + ": " + what + " has no currency");
        }
    }

    private void verdicts(List<Verdict> rows) {
        Set<String> seen = new HashSet<>();
        for (Verdict v : rows) {
            if (Nulls.blank(v.verdictId())) {
                problems.add("fraud_verdicts: a row has a null or empty verdict_id");
                continue;
            }
            String id = "verdict " + v.verdictId();
            if (!seen.add(v.verdictId())) {
                problems.add("fraud_verdicts: duplicate verdict_id " + v.verdictId());
            }
            if (v.subjectType() == null || !Vocabulary.SUBJECT_TYPES.contains(v.subjectType())) {
                problems.add("fraud_verdicts: " + id + " has subject_type " + show(v.subjectType())
                        + " (expected play, user or track)");
            }
            if (Nulls.blank(v.subjectId())) {
                problems.add("fraud_verdicts: " + id + " has a null or empty subject_id");
            }
            if (v.decision() == null || !Vocabulary.DECISIONS.contains(v.decision())) {
                problems.add("fraud_verdicts: " + id + " has decision " + show(v.decision())
                        + " (expected fraud or cleared)");
            }
            if (v.decidedAt() == Times.NULL) {
                problems.add("fraud_verdicts: " + id + " has a null decided_at");
            }
            if (v.validFrom() != Times.NULL && v.validTo() != Times.NULL && v.validTo() <= v.validFrom()) {
                problems.add("fraud_verdicts: " + id + " has valid_to " + Times.iso(v.validTo())
                        + " not after valid_from " + Times.iso(v.validFrom()));
            }
        }
    }

    private void consents(List<Consent> rows) {
        Map<String, Integer> bad = new LinkedHashMap<>();
        for (Consent c : rows) {
            String who = "artist " + show(c.artistId()) + " scope " + show(c.scope());
            if (Nulls.blank(c.artistId())) {
                bad.merge("ai_consent: a row has a null or empty artist_id", 1, Integer::sum);
            } else if (c.scope() == null || !Vocabulary.SCOPES.contains(c.scope())) {
                bad.merge("ai_consent: " + who + " has a scope outside training, generation", 1, Integer::sum);
            } else if (c.granted() == null || c.effectiveFrom() == Times.NULL || c.recordedAt() == Times.NULL) {
                bad.merge("ai_consent: " + who + " has a null granted, effective_from or recorded_at", 1,
                        Integer::sum);
            }
        }
        bad.forEach((msg, n) -> problems.add(n == 1 ? msg : msg + " (" + n + " rows)"));
    }

    private static String shareText(long micros) {
        return java.math.BigDecimal.valueOf(micros, 6).toPlainString();
    }

    private static String show(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
