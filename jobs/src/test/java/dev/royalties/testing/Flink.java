package dev.royalties.testing;

import dev.royalties.jobs.ReaderCloseTimeout;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The in-process Flink cluster the job tests run on (2 slots, as on a 2-core machine). */
public final class Flink {
    private Flink() {}

    public static MiniClusterExtension miniCluster() {
        Configuration conf = ReaderCloseTimeout.applyTo(new Configuration());
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(conf)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }
}
