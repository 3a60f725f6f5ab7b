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

    private enum Story {
        GRANTED_LONG_AGO, REVOKED_IN_PERIOD, REVOKED_AND_REGRANTED, GRANTED_IN_PERIOD, RECORDED_LATE,
        RECORDED_AFTER_FIRST_RUN, TWO_ANSWERS_SAME_DAY, REFUSED, NO_RECORD
    }

    private static final Story[] STORIES = Story.values();

    private final Timeline t;
    private final SplittableRandom rng;
    private final List<Consent> rows = new ArrayList<>();

    private ConsentTimelines(Timeline t, SplittableRandom rng) {
        this.t = t;
        this.rng = rng;
    }

    static List<Consent> build(SyntheticCatalogue catalogue, Timeline timeline, SplittableRandom rng) {
        ConsentTimelines c = new ConsentTimelines(timeline, rng);
        for (int a = 0; a < catalogue.artistIds.length; a++) {
            String artist = catalogue.artistIds[a];
            // The first artists tell every story once, so that even a tiny month has each of them.
            c.tell(artist, "training", a < STORIES.length ? STORIES[a] : c.draw(0.45));
            c.tell(artist, "generation", a < STORIES.length ? STORIES[(a + 3) % STORIES.length] : c.draw(0.30));
        }
        return c.rows;
    }

    private Story draw(double grantedLongAgo) {
        double r = rng.nextDouble();
        if (r < grantedLongAgo) {
            double change = rng.nextDouble();
            return change < 0.10 ? Story.REVOKED_IN_PERIOD
                    : change < 0.14 ? Story.REVOKED_AND_REGRANTED : Story.GRANTED_LONG_AGO;
        }
        r -= grantedLongAgo;
        return r < 0.04 ? Story.RECORDED_LATE
                : r < 0.07 ? Story.RECORDED_AFTER_FIRST_RUN
                : r < 0.10 ? Story.GRANTED_IN_PERIOD
                : r < 0.12 ? Story.TWO_ANSWERS_SAME_DAY
                : r < 0.22 ? Story.REFUSED
                : Story.NO_RECORD;
    }

    private void tell(String artist, String scope, Story story) {
        switch (story) {
            case GRANTED_LONG_AGO -> grantedLongAgo(artist, scope);
            case REVOKED_IN_PERIOD -> {
                grantedLongAgo(artist, scope);
                long off = midPeriod();
                add(artist, scope, false, off, off - rng.nextInt(4) * DAY - rng.nextInt(24) * HOUR);
            }
            case REVOKED_AND_REGRANTED -> {
                grantedLongAgo(artist, scope);
                long off = t.dayInPeriod(3 + rng.nextInt(8));
                long on = off + (3 + rng.nextInt(10)) * DAY;
                add(artist, scope, false, off, off);
                add(artist, scope, true, on, on + rng.nextInt(6) * HOUR);
            }
            case GRANTED_IN_PERIOD -> {
                long on = midPeriod();
                add(artist, scope, true, on, on - rng.nextInt(3) * DAY);
            }
            case RECORDED_LATE -> {
                // Granted before the month, but entered into the system during it.
                long from = t.start() - (1 + rng.nextInt(20)) * DAY;
                add(artist, scope, true, from, t.dayInPeriod(3 + rng.nextInt(20)));
            }
            case RECORDED_AFTER_FIRST_RUN -> {
                // The first run reports violations that a backfill pays.
                long from = t.start() - rng.nextInt(20) * DAY;
                add(artist, scope, true, from,
                        t.daysAfterEnd(Timeline.FIRST_RUN_DAYS_AFTER_END + 5) + rng.nextInt(24) * HOUR);
            }
            case TWO_ANSWERS_SAME_DAY -> {
                // The later-recorded answer decides, whichever it says.
                boolean first = rng.nextBoolean();
                long recorded = t.start() - (10 + rng.nextInt(10)) * DAY;
                add(artist, scope, first, t.start(), recorded);
                add(artist, scope, !first, t.start(), recorded + (1 + rng.nextInt(5)) * DAY);
            }
            case REFUSED -> {
                long when = t.start() - (10 + rng.nextInt(200)) * DAY;
                add(artist, scope, false, when, when);
            }
            case NO_RECORD -> { }
        }
    }

    private void grantedLongAgo(String artist, String scope) {
        long since = t.start() - (30 + rng.nextInt(400)) * DAY;
        add(artist, scope, true, since, since - rng.nextInt(11) * DAY);
    }

    private long midPeriod() {
        return t.dayInPeriod(2 + rng.nextInt(t.days() - 4)) + rng.nextInt(24) * HOUR;
    }

    private void add(String artist, String scope, boolean granted, long effectiveFrom, long recordedAt) {
        rows.add(new Consent(artist, scope, granted, effectiveFrom, recordedAt));
    }
}
