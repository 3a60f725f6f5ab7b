package dev.royalties.jobs.generate;

import dev.royalties.rules.Consent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Each artist's AI opt-ins per scope, as the rights database records them: long-standing grants,
 * explicit refusals, revocations and opt-ins during the month, grants recorded late (some only
 * after the first run, so a backfill turns violations into payments), and two records for the
 * same effective date where the later-recorded one wins (spec §7). Most artists have no record.
 */
final class ConsentTimelines {
    private static final long DAY = Timeline.DAY;
    private static final long HOUR = Timeline.HOUR;

    private final Timeline t;
    private final SplittableRandom rng;
    private final List<Consent> rows = new ArrayList<>();

    private ConsentTimelines(Timeline t, SplittableRandom rng) {
        this.t = t;
        this.rng = rng;
    }

    static List<Consent> build(SyntheticCatalogue catalogue, Timeline timeline, SplittableRandom rng) {
        ConsentTimelines c = new ConsentTimelines(timeline, rng);
        for (String artist : catalogue.artistIds) {
            c.timeline(artist, "training", 0.45);
            c.timeline(artist, "generation", 0.30);
        }
        return c.rows;
    }

    private void timeline(String artist, String scope, double grantedLongAgo) {
        double r = rng.nextDouble();
        if (r < grantedLongAgo) {
            long since = t.start() - (30 + rng.nextInt(400)) * DAY;
            add(artist, scope, true, since, since - rng.nextInt(11) * DAY);
            double change = rng.nextDouble();
            if (change < 0.10) {
                long off = midPeriod();
                add(artist, scope, false, off, off - rng.nextInt(4) * DAY - rng.nextInt(24) * HOUR);
            } else if (change < 0.14) {
                long off = t.dayInPeriod(3 + rng.nextInt(8));
                long on = off + (3 + rng.nextInt(10)) * DAY;
                add(artist, scope, false, off, off);
                add(artist, scope, true, on, on + rng.nextInt(6) * HOUR);
            }
            return;
        }
        r -= grantedLongAgo;
        if (r < 0.04) {
            // Granted before the month, but entered into the system during it.
            long from = t.start() - (1 + rng.nextInt(20)) * DAY;
            add(artist, scope, true, from, t.dayInPeriod(3 + rng.nextInt(20)));
        } else if (r < 0.07) {
            // Entered only after the first run: that run reports violations a backfill pays.
            long from = t.start() - rng.nextInt(20) * DAY;
            long recorded = t.daysAfterEnd(Timeline.FIRST_RUN_DAYS_AFTER_END + 5) + rng.nextInt(24) * HOUR;
            add(artist, scope, true, from, recorded);
        } else if (r < 0.10) {
            long on = midPeriod();
            add(artist, scope, true, on, on - rng.nextInt(3) * DAY);
        } else if (r < 0.12) {
            // Two answers for the same date: the later-recorded one decides, whichever it says.
            boolean first = rng.nextBoolean();
            long from = t.start();
            long recorded = from - (10 + rng.nextInt(10)) * DAY;
            add(artist, scope, first, from, recorded);
            add(artist, scope, !first, from, recorded + (1 + rng.nextInt(5)) * DAY);
        } else if (r < 0.22) {
            long when = t.start() - (10 + rng.nextInt(200)) * DAY;
            add(artist, scope, false, when, when);
        }
    }

    private long midPeriod() {
        return t.dayInPeriod(2 + rng.nextInt(t.days() - 4)) + rng.nextInt(24) * HOUR;
    }

    private void add(String artist, String scope, boolean granted, long effectiveFrom, long recordedAt) {
        rows.add(new Consent(artist, scope, granted, effectiveFrom, recordedAt));
    }
}
