package dev.royalties.jobs.sql;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlSmokeTest {
    @TempDir Path tmp;

    @Test
    void smoke() throws Exception {
        Path out = ExampleOutputs.write(tmp.resolve("out"));
        try (SqlRunner r = SqlRunner.open(out.toString(), null)) {
            for (String q : List.of("SELECT * FROM complete_revisions", "SELECT * FROM latest_revisions",
                    "SELECT `period`, revision, COUNT(*), SUM(amount) FROM artist_payments GROUP BY `period`, revision",
                    "SELECT * FROM ai_violations LIMIT 3")) {
                ResultPrinter.table(r.execute(q), System.out);
            }
        }
    }
}
