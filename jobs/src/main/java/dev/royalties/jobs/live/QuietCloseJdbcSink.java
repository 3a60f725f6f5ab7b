package dev.royalties.jobs.live;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.core.datastream.sink.committer.JdbcCommitable;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriter;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriterState;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * flink-connector-jdbc's {@link JdbcSink}, except that its writer does not throw from close().
 *
 * <p>Why: when PostgreSQL is unreachable, a write fails after its retries and the task fails; while
 * the task is cleaned up, JdbcSink's close() tries the same rows once more and throws, and Flink
 * takes an exception in a failing task's clean-up for a fatal error: the whole TaskManager goes
 * down (on the embedded cluster of `java -jar`, for good), instead of the job restarting from its
 * checkpoint. Nothing is lost by not throwing: rows are only pending at close() when the task is
 * failing or cancelled (a normal end flushes them first, and that flush does throw), and the job
 * restarts from a checkpoint taken after every earlier write succeeded, then writes the same
 * absolute counts again.
 */
final class QuietCloseJdbcSink<IN> implements Sink<IN>, SupportsWriterState<IN, JdbcWriterState>,
        SupportsCommitter<JdbcCommitable> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(QuietCloseJdbcSink.class);

    private final JdbcSink<IN> sink;

    QuietCloseJdbcSink(JdbcSink<IN> sink) {
        this.sink = sink;
    }

    @Override
    public Writer<IN> createWriter(WriterInitContext context) throws IOException {
        return new Writer<>(sink.createWriter(context));
    }

    @Override
    public Writer<IN> restoreWriter(WriterInitContext context, Collection<JdbcWriterState> state)
            throws IOException {
        return new Writer<>(sink.restoreWriter(context, state));
    }

    @Override
    public SimpleVersionedSerializer<JdbcWriterState> getWriterStateSerializer() {
        return sink.getWriterStateSerializer();
    }

    @Override
    public Committer<JdbcCommitable> createCommitter(CommitterInitContext context) throws IOException {
        return sink.createCommitter(context);
    }

    @Override
    public SimpleVersionedSerializer<JdbcCommitable> getCommittableSerializer() {
        return sink.getCommittableSerializer();
    }

    static final class Writer<IN> implements StatefulSinkWriter<IN, JdbcWriterState>,
            CommittingSinkWriter<IN, JdbcCommitable> {
        private final JdbcWriter<IN> writer;

        Writer(JdbcWriter<IN> writer) {
            this.writer = writer;
        }

        @Override
        public void write(IN element, Context context) throws IOException, InterruptedException {
            writer.write(element, context);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            writer.flush(endOfInput);
        }

        @Override
        public Collection<JdbcCommitable> prepareCommit() throws IOException, InterruptedException {
            return writer.prepareCommit();
        }

        @Override
        public List<JdbcWriterState> snapshotState(long checkpointId) throws IOException {
            return writer.snapshotState(checkpointId);
        }

        @Override
        public void close() {
            try {
                writer.close();
            } catch (Exception e) {
                LOG.warn("live accruals: rows pending at close were not written; the restart from the last "
                        + "checkpoint writes them again", e);
            }
        }
    }
}
