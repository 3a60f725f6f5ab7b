package dev.royalties.jobs.generate;

import dev.royalties.rules.Times;
import dev.royalties.rules.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fraud findings on bot users, hijacked accounts, farm tracks and single plays, some decided in
 * the period, some after the first run's as-of (a backfill excludes more), with appeals that a
 * later 'cleared' verdict wins and one clearance that a later 'fraud' reverses (spec §6).
 */
final class FraudVerdicts {
    private static final long NONE = Times.NULL;
    private static final long DAY = Timeline.DAY;
    private static final long HOUR = Timeline.HOUR;

    private enum Finding { KNOWN, LATE, UNDETECTED }

    /** Most farms are caught in the month, some only after the first run, some never. */
    private static final Finding[] BOT_FINDINGS = {Finding.KNOWN, Finding.LATE, Finding.UNDETECTED,
        Finding.KNOWN, Finding.LATE, Finding.KNOWN, Finding.KNOWN};

    private final Timeline t;
    private final SplittableRandom rng;
    private final List<Verdict> verdicts = new ArrayList<>();

    private FraudVerdicts(Timeline t, SplittableRandom rng) {
        this.t = t;
        this.rng = rng;
    }

    /** How many of the heaviest humans the verdicts need: hijacked, falsely accused, flip-flopped. */
    static int heavyUsersNeeded(Scale scale) {
        return 2 * suspects(scale) + 1;
    }

    private static int suspects(Scale scale) {
        return Math.max(2, Math.min(10, scale.humans() / 20_000));
    }

    static List<Verdict> build(Scale scale, Timeline timeline, Listeners listeners, SyntheticCatalogue catalogue,
                               PlayPlan plan, SplittableRandom rng) {
        FraudVerdicts v = new FraudVerdicts(timeline, rng);
        v.bots(listeners);
        v.heavyHumans(listeners, suspects(scale));
        v.farmTracks(catalogue);
        v.plays(scale, plan);
        return v.verdicts;
    }

    private void bots(Listeners listeners) {
        for (int b = 0; b < listeners.bots; b++) {
            String user = listeners.userIds[listeners.humans + b];
            switch (BOT_FINDINGS[b % BOT_FINDINGS.length]) {
                case KNOWN -> add("user", user, inPeriod(1 + rng.nextInt(6)), NONE, "fraud",
                        inPeriod(14 + rng.nextInt(10)));
                case LATE -> add("user", user, NONE, NONE, "fraud", afterEnd(15 + rng.nextInt(10)));
                case UNDETECTED -> { }
            }
        }
    }

    private void heavyHumans(Listeners listeners, int k) {
        int[] heavy = listeners.heaviest;
        for (int i = 0; i < k && i < heavy.length; i++) {
            // A hijacked account: fraud only while it was in the wrong hands.
            add("user", listeners.userIds[heavy[i]], t.dayInPeriod(8), t.dayInPeriod(15), "fraud",
                    i % 2 == 0 ? inPeriod(16) : afterEnd(18));
        }
        for (int i = k; i < 2 * k && i < heavy.length; i++) {
            // A big listener flagged by mistake, who wins the appeal before or after the first run.
            String user = listeners.userIds[heavy[i]];
            add("user", user, NONE, NONE, "fraud", inPeriod(10));
            add("user", user, NONE, NONE, "cleared", i % 2 == 0 ? inPeriod(20) : afterEnd(10));
        }
        if (2 * k < heavy.length) {
            String user = listeners.userIds[heavy[2 * k]];
            add("user", user, NONE, NONE, "fraud", inPeriod(5));
            add("user", user, NONE, NONE, "cleared", inPeriod(9));
            add("user", user, NONE, NONE, "fraud", afterEnd(12));
        }
    }

    private void farmTracks(SyntheticCatalogue catalogue) {
        for (int j = 0; j < catalogue.farmTracks.length; j++) {
            String track = catalogue.trackIds[catalogue.farmTracks[j]];
            switch (j % 5) {
                case 0 -> add("track", track, NONE, NONE, "fraud", inPeriod(12));
                case 1 -> add("track", track, NONE, NONE, "fraud", afterEnd(18));
                case 2 -> {
                    add("track", track, NONE, NONE, "fraud", inPeriod(6));
                    add("track", track, NONE, NONE, "cleared", inPeriod(20));
                }
                case 3 -> add("track", track, t.dayInPeriod(3), t.dayInPeriod(17), "fraud", inPeriod(18));
                default -> { } // not caught yet
            }
        }
    }

    private void plays(Scale scale, PlayPlan plan) {
        int n = (int) Math.max(6, Math.min(200, scale.plays() / 100_000));
        long span = plan.endInPeriod - plan.firstInPeriod;
        for (int i = 0; i < n; i++) {
            String play = Ids.play(plan.firstInPeriod + rng.nextLong(span));
            long decided = switch (i % 3) {
                case 0 -> inPeriod(20);
                case 1 -> afterEnd(2); // after the period but before the first run
                default -> afterEnd(25);
            };
            add("play", play, NONE, NONE, "fraud", decided);
            if (i == 0) {
                add("play", play, NONE, NONE, "cleared", afterEnd(30));
            }
        }
    }

    /** Some time on the given day of the period (0 = the first). */
    private long inPeriod(int day) {
        return t.dayInPeriod(day) + rng.nextLong(DAY / HOUR) * HOUR;
    }

    private long afterEnd(int days) {
        return t.daysAfterEnd(days) + rng.nextLong(DAY / HOUR) * HOUR;
    }

    private void add(String subjectType, String subjectId, long validFrom, long validTo, String decision,
                     long decidedAt) {
        String id = Ids.fixed("V" + Character.toUpperCase(subjectType.charAt(0)), verdicts.size(), 6);
        verdicts.add(new Verdict(id, subjectType, subjectId, validFrom, validTo, decision, decidedAt));
    }
}
