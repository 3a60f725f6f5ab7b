package dev.royalties.jobs.live;

import dev.royalties.rules.EventValidation;
import dev.royalties.rules.Play;
import dev.royalties.rules.ReferenceData;
import dev.royalties.rules.ReferenceDataException;
import dev.royalties.rules.ReferenceValidation;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The contract checks of the live path: the very rules of the monthly run (EventValidation for
 * event rows, ReferenceValidation for verdicts), applied per message. Valid rows go on; the rest
 * go to the {@link #QUARANTINE} side output with the reason, never dropped, never failing the job.
 */
public final class Validate {
    public static final OutputTag<Quarantined> QUARANTINE = new OutputTag<>("quarantine") {};

    private Validate() {}

    abstract static class Base<T> extends ProcessFunction<Inbound, T> {
        private static final long serialVersionUID = 1L;
        private transient Counter quarantined;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext ctx) {
            quarantined = getRuntimeContext().getMetricGroup().counter("quarantined");
        }

        @Override
        public void processElement(Inbound in, Context ctx, Collector<T> out) {
            String reason = in.unreadable;
            if (reason == null) {
                reason = problem(in);
                if (reason == null) {
                    out.collect(row(in));
                    return;
                }
            }
            quarantined.inc();
            ctx.output(QUARANTINE, Quarantined.of(in, reason));
        }

        abstract String problem(Inbound in);

        abstract T row(Inbound in);
    }

    /** Plays: spec §3 through {@link EventValidation#playProblem}. */
    public static final class Plays extends Base<Play> {
        private static final long serialVersionUID = 1L;

        @Override
        String problem(Inbound in) {
            return EventValidation.playProblem(in.play);
        }

        @Override
        Play row(Inbound in) {
            return in.play;
        }
    }

    /** AI usage: spec §3 through {@link EventValidation#usageProblem}. */
    public static final class UsageRows extends Base<Usage> {
        private static final long serialVersionUID = 1L;

        @Override
        String problem(Inbound in) {
            return EventValidation.usageProblem(in.usage);
        }

        @Override
        Usage row(Inbound in) {
            return in.usage;
        }
    }

    /**
     * Verdicts are reference data: one the monthly run would reject (and stop on) must not reach the
     * archive. Checked with the monthly run's own {@link ReferenceValidation}, one row at a time;
     * duplicates of verdict_id are {@link DedupVerdicts}' job.
     */
    public static final class Verdicts extends Base<Inbound> {
        private static final long serialVersionUID = 1L;

        @Override
        String problem(Inbound in) {
            return verdictProblem(in.verdict);
        }

        /** The message itself goes on: {@link DedupVerdicts} may still quarantine it. */
        @Override
        Inbound row(Inbound in) {
            return in;
        }
    }

    /** null when the verdict is consistent on its own, else the monthly run's message for it. */
    public static String verdictProblem(Verdict v) {
        try {
            ReferenceValidation.check(new ReferenceData(List.of(), List.of(), List.of(), List.of(v), List.of(),
                    List.of()));
            return null;
        } catch (ReferenceDataException e) {
            return e.getMessage();
        }
    }
}
