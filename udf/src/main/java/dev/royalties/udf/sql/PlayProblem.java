package dev.royalties.udf.sql;

import dev.royalties.rules.EventValidation;
import dev.royalties.rules.Nulls;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import java.time.Instant;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * PLAY_PROBLEM(play_id, user_id, track_id, played_at, ms_played, country, product): the reason the
 * monthly run would quarantine this play, or NULL when it is valid. The same rule as the jobs
 * ({@link EventValidation}), so that analysts checking raw input in SQL see exactly what a run does.
 */
public class PlayProblem extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public String eval(String playId, String userId, String trackId,
                       @DataTypeHint("TIMESTAMP_LTZ(6)") Instant playedAt, Integer msPlayed, String country,
                       String product) {
        return EventValidation.playProblem(new Play(playId, userId, trackId,
                playedAt == null ? Times.NULL : Times.micros(playedAt), msPlayed == null ? Nulls.INT : msPlayed,
                country, product));
    }
}
