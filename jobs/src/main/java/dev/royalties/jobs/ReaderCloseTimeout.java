package dev.royalties.jobs;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;

/**
 * How long a source reader's close waits for its fetcher threads, wherever the engine configures
 * Flink itself (the monthly run, {@code sql}, {@code ingest}). Flink's default, 30 s, was waited in
 * full in one of six runs of a test month, on a fetcher whose shutdown hand-over Flink dropped
 * (FLINK-40660, open in 2.2); a reader that has handed over its last batch has nothing left to wait
 * for. The same value is in conf/flink/config.yaml, conf/local/config.yaml and the tests' cluster.
 */
public final class ReaderCloseTimeout {
    public static final long MILLIS = 2_000L;

    private ReaderCloseTimeout() {}

    /** Sets the timeout unless the configuration already has one (a user's --flink-conf wins). */
    public static Configuration applyTo(Configuration conf) {
        if (!conf.contains(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT)) {
            conf.set(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT, MILLIS);
        }
        return conf;
    }
}
