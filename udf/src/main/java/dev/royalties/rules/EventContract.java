package dev.royalties.rules;

import java.io.Serializable;

/**
 * What the engine needs to know of an event table to validate, quarantine, filter by period and
 * de-duplicate its rows: one definition per table, shared by the monthly and the live jobs.
 */
public interface EventContract<T> extends Serializable {
    String table();

    /** Null for a valid row, else the reason it goes to quarantine. */
    String problem(T row);

    long timestamp(T row);

    String key(T row);

    String json(T row);

    EventContract<Play> PLAYS = new EventContract<>() {
        @Override
        public String table() {
            return "plays";
        }

        @Override
        public String problem(Play p) {
            return EventValidation.playProblem(p);
        }

        @Override
        public long timestamp(Play p) {
            return p.playedAt;
        }

        @Override
        public String key(Play p) {
            return p.playId;
        }

        @Override
        public String json(Play p) {
            return p.toJson();
        }
    };

    EventContract<Usage> USAGE = new EventContract<>() {
        @Override
        public String table() {
            return "ai_usage";
        }

        @Override
        public String problem(Usage u) {
            return EventValidation.usageProblem(u);
        }

        @Override
        public long timestamp(Usage u) {
            return u.usedAt;
        }

        @Override
        public String key(Usage u) {
            return u.usageId;
        }

        @Override
        public String json(Usage u) {
            return u.toJson();
        }
    };
}
