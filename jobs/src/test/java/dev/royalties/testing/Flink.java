package dev.royalties.testing;

import dev.royalties.jobs.monthly.MonthlyRun;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The in-process Flink cluster the job tests run on (2 slots, as on a 2-core machine). */
public final class Flink {
    private Flink() {}

    public static MiniClusterExtension miniCluster() {
        Configuration conf = new Configuration();
        conf.set(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT, MonthlyRun.READER_CLOSE_TIMEOUT_MS);
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(conf)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }
}
