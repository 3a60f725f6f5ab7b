package dev.royalties.udf.sql;

import dev.royalties.rules.EventValidation;
import dev.royalties.rules.Nulls;
import dev.royalties.rules.Times;
import dev.royalties.rules.Usage;
import java.time.Instant;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * USAGE_PROBLEM(usage_id, licensee_id, model_id, track_id, scope, used_at, units): the reason the
 * monthly run would quarantine this AI usage row, or NULL when it is valid ({@link EventValidation}).
 */
public class UsageProblem extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public String eval(String usageId, String licenseeId, String modelId, String trackId, String scope,
                       @DataTypeHint("TIMESTAMP_LTZ(6)") Instant usedAt, Long units) {
        return EventValidation.usageProblem(new Usage(usageId, licenseeId, modelId, trackId, scope,
                usedAt == null ? Times.NULL : Times.micros(usedAt), units == null ? Nulls.LONG : units));
    }
}
