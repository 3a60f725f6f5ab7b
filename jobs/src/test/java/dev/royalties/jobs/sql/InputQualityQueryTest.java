package dev.royalties.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The rules serve SQL too: PLAY_PROBLEM / USAGE_PROBLEM over the worked example's raw input find
 * exactly the rows the monthly run quarantines (7 plays and 9 usage rows in 2026-10).
 */
class InputQualityQueryTest {
    @Test
    void theSqlFunctionsFindWhatTheRunQuarantines() throws Exception {
        SqlRunner sql = SqlRunner.open(null, "src/test/resources/examples/small/input");
        String text = Files.readString(Path.of("../sql/queries/input_quality.sql"));
        List<SqlResult> results = sql.execute(new SqlScript("input_quality.sql", text), Map.of("period", "2026-10"));
        SqlResult r = results.get(results.size() - 1);
        Map<String, Long> bySource = new TreeMap<>();
        for (List<Object> row : r.rows()) {
            bySource.merge((String) row.get(r.column("source_table")), ((Number) row.get(r.column("row_count")))
                    .longValue(), Long::sum);
            assertThat((String) row.get(r.column("reason"))).isNotBlank();
        }
        assertThat(bySource).containsExactly(Map.entry("ai_usage", 9L), Map.entry("plays", 7L));
    }
}
