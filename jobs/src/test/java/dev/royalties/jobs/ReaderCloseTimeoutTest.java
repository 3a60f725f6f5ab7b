package dev.royalties.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;
import org.junit.jupiter.api.Test;

class ReaderCloseTimeoutTest {
    @Test
    void setsTwoSecondsUnlessTheConfigurationHasItsOwn() {
        assertThat(ReaderCloseTimeout.applyTo(new Configuration()).get(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT))
                .isEqualTo(2_000L);
        Configuration own = new Configuration();
        own.set(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT, 45_000L);
        assertThat(ReaderCloseTimeout.applyTo(own).get(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT))
                .isEqualTo(45_000L);
    }
}
