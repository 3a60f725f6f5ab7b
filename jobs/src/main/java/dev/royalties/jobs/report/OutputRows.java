package dev.royalties.jobs.report;

import static dev.royalties.io.ColumnType.STRING;

import dev.royalties.io.RowMapper;
import dev.royalties.io.TableSchema;
import dev.royalties.rules.Adjustment;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.PoolReconciliation;

/** Row mappers that read the monthly run's output tables back (the writers are in Tables). */
final class OutputRows {
    private OutputRows() {}

    static final RowMapper<PoolReconciliation> POOL = r -> new PoolReconciliation(r.string(0), r.string(1),
            r.string(2), r.string(3), r.string(4), r.number(5, 0), r.number(6, 0), r.number(7, 0), r.number(8, 0),
            r.number(9, 0), r.number(10, 0), r.number(11, 0), r.number(12, 0), r.number(13, 0), r.number(14, 0),
            r.number(15, 0));

    static final RowMapper<AiViolation> VIOLATION = r -> new AiViolation(r.string(0), r.string(1), r.string(2),
            r.string(3), r.string(4), r.string(5), r.number(6, 0), r.number(7, 0), r.string(8));

    static final RowMapper<Adjustment> ADJUSTMENT = r -> new Adjustment(r.string(0), r.string(1), r.string(2),
            r.string(3), r.string(4), r.string(5), r.number(6, 0), r.number(7, 0), r.number(8, 0));

    /**
     * The quarantine without its `record` column: the reports only count rows by reason, and the
     * record holds user ids that must not reach finance (the reader projects by column name).
     */
    static final TableSchema QUARANTINE_REASONS = TableSchema.of("quarantine", "source_table", STRING,
            "reason", STRING);

    /** A quarantined row's table and reason. */
    record QuarantineReason(String sourceTable, String reason) {}

    static final RowMapper<QuarantineReason> REASON = r -> new QuarantineReason(r.string(0), r.string(1));
}
