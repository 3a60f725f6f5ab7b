package dev.royalties.jobs.live;

import dev.royalties.rules.Consent;
import java.util.List;

/** Reads ai_consent from the rights database through flink-connector-jdbc (stub until issue 3 lands). */
public final class JdbcConsent {
    private JdbcConsent() {}

    public static List<Consent> read(String url, String table, String user, String password) throws Exception {
        throw new UnsupportedOperationException("consent from JDBC is not built yet");
    }
}
