package dev.royalties.jobs.report;

import dev.royalties.rules.CodePoints;
import dev.royalties.rules.Money;
import dev.royalties.rules.PoolReconciliation;
import dev.royalties.rules.RecordingUsage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * recording_usage as a tab-separated flat file in the layout of a DDEX DSR (Basic Audio Profile,
 * multi-record-block variant): HEAD; one summary record per catalogue pool, i.e. per territory and
 * commercial model (DSR's sales context); one block per recording (an AS01 resource record and one
 * SU02 usage record per territory and commercial model it was streamed in); FOOT with the record
 * counts. Every cell is documented against the standard in docs/statements.md, with what is left
 * out. Fraud, short, unmatched, AI-generated and capped plays are not usages and are not reported.
 */
final class DsrReport {
    static final String MESSAGE_VERSION = "dsrf/1.1.2/6/1.5";
    static final String PROFILE = "BasicAudioProfile";
    static final String PROFILE_VERSION = "1.0";

    /** Who sends and receives the report (free text and DDEX party ids, as the HEAD carries them). */
    record Parties(String senderName, String senderId, String recipientName, String recipientId) {}

    private DsrReport() {}

    /** The records, in file order; {@code currency} limits the report to one currency's pools (null = all). */
    static List<List<String>> records(RevisionOutputs out, Parties parties, String currency) {
        List<PoolReconciliation> pools = out.pools().stream()
                .filter(p -> p.source().equals("catalogue"))
                .filter(p -> currency == null || currency.equals(p.currency()))
                .sorted(Comparator.comparing(PoolReconciliation::country).thenComparing(PoolReconciliation::product))
                .toList();
        List<List<String>> records = new ArrayList<>();
        YearMonth month = YearMonth.parse(out.period().toString());
        TreeSet<String> currencies = new TreeSet<>();
        pools.forEach(p -> currencies.add(p.currency()));
        records.add(List.of("HEAD", MESSAGE_VERSION, PROFILE, PROFILE_VERSION,
                messageId(out, currency), createdAt(out), "1", "1", month.atDay(1).toString(),
                month.atEndOfMonth().toString(), parties.senderId(), parties.senderName(), "",
                parties.recipientId(), parties.recipientName(), String.join("|", currencies)));

        Map<String, String> summaryIds = new LinkedHashMap<>();
        for (PoolReconciliation p : pools) {
            String id = "" + (summaryIds.size() + 1);
            summaryIds.put(poolKey(p.country(), p.product()), id);
            boolean free = p.product().equals("free");
            records.add(List.of(free ? "SY02.04" : "SY03.02", id, parties.senderName(), parties.senderId(),
                    free ? "AdvertisementSupportedModel" : "SubscriptionModel", "OnDemandStream", p.country(),
                    p.product(), "" + p.eligibleUnits(), "", p.currency(), Money.format(p.poolCents()), "", "",
                    "" + p.eligibleUnits(), Money.format(p.allocatedCents()), Money.format(p.allocatedCents())));
        }

        TreeMap<String, List<RecordingUsage.Row>> byTrack = new TreeMap<>(CodePoints.ORDER);
        for (RecordingUsage.Row r : out.recordings()) {
            if (r.eligibleStreams() > 0 && summaryIds.containsKey(poolKey(r.country(), r.product()))) {
                byTrack.computeIfAbsent(r.trackId(), k -> new ArrayList<>()).add(r);
            }
        }
        int block = 0;
        long transaction = 0;
        for (List<RecordingUsage.Row> rows : byTrack.values()) {
            block++;
            RecordingUsage.Row first = rows.get(0);
            records.add(List.of("AS01.03", "" + block, "1", cell(first.trackId()), cell(first.isrc()), "", "", "",
                    "", "", "SoundRecording"));
            rows.sort(Comparator.comparing(r -> Integer.parseInt(summaryIds.get(poolKey(r.country(), r.product())))));
            for (RecordingUsage.Row r : rows) {
                transaction++;
                records.add(List.of("SU02.02", "" + block, summaryIds.get(poolKey(r.country(), r.product())),
                        "" + transaction, "", "1", "true", "" + r.eligibleStreams(), Money.format(r.amountCents())));
            }
        }
        int summaries = summaryIds.size();
        String lines = "" + (records.size() + 1);
        records.add(List.of("FOOT", lines, lines, "" + summaries, "" + block, "" + block));
        return records;
    }

    static void write(List<List<String>> records, OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder(records.size() * 64);
        for (List<String> r : records) {
            b.append(String.join("\t", r.stream().map(DsrReport::cell).toList())).append('\n');
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The message is the revision (and currency): re-exporting it gives the same id, and the same file. */
    static String messageId(RevisionOutputs out, String currency) {
        return out.period() + "-r" + out.revision() + (currency == null ? "" : "-" + currency);
    }

    /** The revision's finish time, to the second (RFC 3339), so that an export is reproducible. */
    private static String createdAt(RevisionOutputs out) {
        String finished = out.finishedAt();
        return finished.isEmpty() ? "" : Instant.parse(finished).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A cell never holds the delimiter or a line break (DSR forbids them inside cells). */
    private static String cell(String v) {
        return Objects.toString(v, "").replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String poolKey(String country, String product) {
        return country + "\u0000" + product;
    }
}
