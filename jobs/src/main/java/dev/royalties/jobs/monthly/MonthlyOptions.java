package dev.royalties.jobs.monthly;

import dev.royalties.jobs.cli.Args;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.rules.PaymentModel;
import dev.royalties.rules.Period;
import dev.royalties.rules.Policy;
import dev.royalties.rules.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The typed parameters of `royalties monthly` (spec §10). */
public record MonthlyOptions(Period period, String input, String output, long asOf, Policy policy, int parallelism,
                             String flinkConf, ConsentJdbc consentJdbc, String history, int waitSeconds) {

    /** Consent read from the rights database instead of input/ai_consent (issue 3). */
    public record ConsentJdbc(String url, String table, String user, String password) {}

    static final Set<String> OPTIONS = Set.of("period", "input", "output", "as-of", "min-play-ms",
            "user-monthly-cap", "parallelism", "flink-conf", "consent-jdbc-url", "consent-table", "consent-user",
            "consent-password", "min-track-streams", "min-track-listeners", "history", "model",
            "professional-streams", "professional-listeners", "compare-models", "wait");

    public static MonthlyOptions parse(String[] argv) {
        Args a = Args.parse("monthly", argv, OPTIONS, Set.of());
        Period period;
        try {
            period = Period.parse(a.required("period"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("monthly: --" + e.getMessage());
        }
        long asOf = a.has("as-of") ? parseInstant(a.required("as-of"))
                : Times.micros(Instant.now().truncatedTo(ChronoUnit.MICROS));
        Policy policy;
        try {
            policy = new Policy(a.intValue("min-play-ms", Policy.DEFAULT.minPlayMs()),
                    a.longValue("user-monthly-cap", Policy.DEFAULT.userMonthlyCap()))
                    .withThreshold(a.longValue("min-track-streams", 0), a.longValue("min-track-listeners", 0))
                    .withProfessional(a.longValue("professional-streams", Policy.DEFAULT_PROFESSIONAL_STREAMS),
                            a.longValue("professional-listeners", Policy.DEFAULT_PROFESSIONAL_LISTENERS));
            List<PaymentModel> compared = new ArrayList<>();
            if (a.has("compare-models")) {
                for (String m : a.required("compare-models").split(",")) {
                    compared.add(PaymentModel.parse(m.trim()));
                }
            }
            policy = policy.withModels(PaymentModel.parse(a.string("model", PaymentModel.PRO_RATA.label())), compared);
        } catch (IllegalArgumentException e) {
            throw new UsageException("monthly: " + e.getMessage());
        }
        int parallelism = a.intValue("parallelism", Runtime.getRuntime().availableProcessors());
        if (parallelism < 1) {
            throw new UsageException("monthly: --parallelism must be at least 1, got " + parallelism);
        }
        ConsentJdbc jdbc = null;
        if (a.has("consent-jdbc-url")) {
            String password = a.string("consent-password", System.getenv("ROYALTIES_CONSENT_PASSWORD"));
            jdbc = new ConsentJdbc(a.required("consent-jdbc-url"), a.string("consent-table", "ai_consent"),
                    a.string("consent-user", null), password);
        }
        int wait = a.intValue("wait", 0);
        if (wait < 0) {
            throw new UsageException("monthly: --wait must be a number of seconds >= 0, got " + wait);
        }
        return new MonthlyOptions(period, a.required("input"), a.required("output"), asOf, policy, parallelism,
                a.string("flink-conf", null), jdbc, a.string("history", null), wait);
    }

    /** An ISO-8601 instant (2026-11-05T00:00:00Z) or a date, meaning its start in UTC. */
    static long parseInstant(String text) {
        try {
            return Times.micros(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Times.micros(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                throw new UsageException("monthly: --as-of must be an ISO-8601 instant such as "
                        + "2026-11-05T00:00:00Z, got '" + text + "'");
            }
        }
    }
}
