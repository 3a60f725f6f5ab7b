package dev.royalties.jobs.live.bench;

import dev.royalties.io.Tables;
import dev.royalties.jobs.live.IngestCommand;
import dev.royalties.jobs.live.LiveJson;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.testing.InputFolder;
import dev.royalties.testing.KafkaTestBroker;
import dev.royalties.testing.PostgresTestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.util.FileUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Benchmark of the live path (not a test): ingest throughput from the in-process Kafka broker into
 * the archive with live accruals on (real PostgreSQL), and produce-to-visible-accrual latency.
 *
 * <pre>
 * conf/bench-ingest.sh [plays=2000000] [warmup=2000000] [parallelism=2] [probes=20] [flushMs=500] [accruals=1] [loadRate=0]
 *
 * warmup=N: first ingest N plays with the same job in the same JVM (its own topic, archive and
 *   database), so that the measured run sees compiled code, as a long-running TaskManager does;
 *   both runs are reported. warmup=0: the measured run is a cold JVM's.
 * loadRate=N: the latency probes run while N plays per second of "now" go to the same topic.
 * </pre>
 */
public final class IngestBench {
    private IngestBench() {}

    public static void main(String[] argv) {
        int status = 0;
        try {
            run(argv);
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        System.exit(status); // the in-process broker's threads would keep the JVM alive
    }

    static void run(String[] argv) throws Exception {
        int plays = arg(argv, "plays", 2_000_000);
        int parallelism = arg(argv, "parallelism", 2);
        int probes = arg(argv, "probes", 20);
        int flushMs = arg(argv, "flushMs", 500);
        boolean accruals = arg(argv, "accruals", 1) == 1;
        int loadRate = arg(argv, "loadRate", 0);
        int warmup = arg(argv, "warmup", 2_000_000);
        Path work = Files.createTempDirectory("ingest-bench");
        try {
            run(work, plays, warmup, parallelism, probes, flushMs, accruals, loadRate);
        } finally {
            FileUtils.deleteDirectory(work.toFile()); // archives of millions of plays
        }
    }

    static void run(Path work, int plays, int warmup, int parallelism, int probes, int flushMs, boolean accruals,
                    int loadRate) throws Exception {
        String bootstrap = KafkaTestBroker.bootstrapServers();
        Path reference = catalogue(work.resolve("reference"), 10_000);

        // ---- throughput: a backlog of plays, ingested by a --bounded run (archive + accruals) ----
        if (warmup > 0) {
            // Same job, same JVM, its own topic, archive and database: the JIT compiler's work is done
            // before the measured run, as on a TaskManager that has been running for a while.
            backlog("warm-up", warmup, bootstrap, work.resolve("warmup"), accruals, reference, parallelism, flushMs);
        }
        String db = backlog(warmup > 0 ? "measured" : "cold", plays, bootstrap, work.resolve("measured"), accruals,
                reference, parallelism, flushMs);

        latency(bootstrap, work.resolve("latency"), db, reference, parallelism, flushMs, probes, loadRate);
    }

    /**
     * Produce-to-visible-accrual latency on a running job: one play at a time, each until its count
     * is visible in PostgreSQL; loadRate plays per second of live traffic meanwhile, if not 0.
     */
    static void latency(String bootstrap, Path work, String db, Path reference, int parallelism, int flushMs,
                        int probes, int loadRate) throws Exception {
        String latencyTopic = KafkaTestBroker.newTopic("bench-latency", 4);
        String[] largs = args(bootstrap, latencyTopic, work, db, reference, parallelism, flushMs);
        IngestCommand.Options lo = IngestCommand.parse(largs);
        StreamExecutionEnvironment lenv = StreamExecutionEnvironment.getExecutionEnvironment(
                IngestCommand.configuration(lo));
        IngestCommand.build(lenv, lo, UnaryOperator.identity());
        JobClient job = lenv.executeAsync("ingest bench (latency)");
        Load load = loadRate > 0 ? Load.start(latencyTopic, loadRate) : null;
        long[] latencies = new long[probes];
        try (KafkaProducer<byte[], byte[]> producer = KafkaTestBroker.producer();
             Connection c = DriverManager.getConnection(db);
             PreparedStatement q = c.prepareStatement("SELECT coalesce(sum(eligible_plays), 0) FROM live_accruals"
                     + " WHERE day = ANY (?::date[]) AND artist_id = 'A00000' AND country = 'IS' AND product = 'student'")) {
            // Today and tomorrow (UTC), should the probes cross midnight: two primary-key lookups, so
            // polling every 5 ms costs PostgreSQL next to nothing, also under load.
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            q.setArray(1, c.createArrayOf("text", new String[] {today.toString(), today.plusDays(1).toString()}));
            Thread.sleep(5_000); // let the job start and the consumers join
            for (int i = 0; i < probes; i++) {
                // "now", as live traffic (an old played_at would be behind the load's watermark); the
                // country IS is never in the load, so the probes' count is theirs alone
                Play p = new Play("probe-" + i, "probe-user", "T00000", Times.micros(Instant.now()), 60_000, "IS",
                        "student");
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(latencyTopic, LiveJson.toJson(p))).get();
                while (true) {
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > i) {
                            break;
                        }
                    }
                    if (System.nanoTime() - sent > 60_000_000_000L) {
                        throw new IllegalStateException("probe " + i + " not visible after 60 s");
                    }
                    Thread.sleep(5);
                }
                latencies[i] = (System.nanoTime() - sent) / 1_000_000;
            }
        } finally {
            if (load != null) {
                load.stop();
            }
            job.cancel().get();
        }
        Arrays.sort(latencies);
        System.out.printf("produce-to-visible-accrual latency over %d probes (flush %d ms, %s): min %d ms, median %d ms, "
                        + "p90 %d ms, max %d ms%n", probes, flushMs,
                load == null ? "idle job" : String.format("under a load of %,d plays/s, %,d sent", loadRate, load.sent),
                latencies[0], latencies[probes / 2], latencies[(int) (probes * 0.9)], latencies[probes - 1]);
    }

    /**
     * Produces a backlog of plays, then ingests it with a --bounded run; prints the throughput and
     * returns the run's database. Steady state runs from the first play validated to the last write
     * to live_accruals (its max(updated_at), the same clock on this machine), so nothing polls
     * PostgreSQL while the job runs.
     */
    static String backlog(String label, int plays, String bootstrap, Path work, boolean accruals, Path reference,
                          int parallelism, int flushMs) throws Exception {
        String db = PostgresTestDb.newDatabase();
        PostgresTestDb.runScript(db, PostgresTestDb.repoRoot().resolve("sql/jdbc/live_accruals.sql"));
        String playsTopic = KafkaTestBroker.newTopic("bench-plays", 4);
        long t0 = System.nanoTime();
        produce(playsTopic, plays);
        double produceS = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: produced %,d plays (JSON) in %.1f s (%,.0f/s)%n", label, plays, produceS,
                plays / produceS);

        String[] args = args(bootstrap, playsTopic, work.resolve("archive"), accruals ? db : null, reference,
                parallelism, flushMs, "--bounded");
        IngestCommand.Options o = IngestCommand.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                IngestCommand.configuration(o));
        IngestCommand.build(env, o, stream -> stream.map(new FirstPlaySeen()).name("first play seen"));
        FirstPlaySeen.FIRST.set(Long.MAX_VALUE);
        t0 = System.nanoTime();
        env.execute("ingest bench (bounded)");
        double ingestS = (System.nanoTime() - t0) / 1e9;
        // Without accruals, processing ends with the job; with them, at the last write to PostgreSQL
        // (the job itself ends later: the last files are committed by the next periodic checkpoint).
        long done = accruals ? lastAccrualWrite(db) : Times.micros(Instant.now());
        double steadyS = (done - FirstPlaySeen.FIRST.get()) / 1e6;
        long archived = countArchived(work.resolve("archive"));
        System.out.printf("%s: ingested %,d plays in %.1f s (job submit to finish, incl. start-up), accruals %s: "
                        + "%,.0f plays/s, %,.0f plays/s per core at parallelism %d; archive rows %,d",
                label, plays, ingestS, accruals ? "on" : "off", plays / ingestS, plays / ingestS / parallelism,
                parallelism, archived);
        if (accruals) {
            System.out.printf("; sum of live_accruals %,d; accrual rows %,d; rows written %,d", sumAccruals(db),
                    accrualRows(db), rowsWritten(db));
        }
        System.out.printf("%n%s: steady state (first play validated to %s): %.1f s: %,.0f plays/s, %,.0f plays/s "
                        + "per core%n", label, accruals ? "last accrual written to PostgreSQL" : "job finished",
                steadyS, plays / steadyS, plays / steadyS / parallelism);
        return db;
    }

    /** When live_accruals was last written (microseconds since the epoch). */
    static long lastAccrualWrite(String db) throws Exception {
        return queryLong(db, "SELECT (extract(epoch FROM max(updated_at)) * 1000000)::bigint FROM live_accruals");
    }

    /**
     * Rows inserted or updated in live_accruals over the run (PostgreSQL's statistics: the job's
     * connections report theirs when they close, so this waits for them to appear).
     */
    static long rowsWritten(String db) throws Exception {
        long last = -1;
        for (int i = 0; i < 20; i++) {
            long n = queryLong(db,
                    "SELECT n_tup_ins + n_tup_upd FROM pg_stat_user_tables WHERE relname = 'live_accruals'");
            if (n == last && n > 0) {
                return n;
            }
            last = n;
            Thread.sleep(250);
        }
        return last;
    }

    /** Plays of "now" at a steady rate (10 ms ticks) while the latency probes run. */
    static final class Load implements Runnable {
        private final String topic;
        private final int perSecond;
        private final Thread thread;
        private volatile boolean running = true;
        volatile long sent;

        private Load(String topic, int perSecond) {
            this.topic = topic;
            this.perSecond = perSecond;
            this.thread = new Thread(this, "bench-load");
        }

        static Load start(String topic, int perSecond) {
            Load l = new Load(topic, perSecond);
            l.thread.start();
            return l;
        }

        @Override
        public void run() {
            SplittableRandom rnd = new SplittableRandom(7);
            long start = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = KafkaTestBroker.producer()) {
                while (running) {
                    long due = (System.nanoTime() - start) / 1_000_000L * perSecond / 1_000L;
                    long now = Times.micros(Instant.now());
                    for (; sent < due; sent++) {
                        Play p = new Play("L" + sent, "U" + rnd.nextInt(200_000),
                                String.format("T%05d", rnd.nextInt(10_000)), now, 30_000 + rnd.nextInt(200_000),
                                COUNTRIES[rnd.nextInt(COUNTRIES.length)], PRODUCTS[rnd.nextInt(PRODUCTS.length)]);
                        producer.send(new ProducerRecord<>(topic, LiveJson.toJson(p)));
                    }
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** Notes when the first play passes validation: the job is up, consumers joined, data flowing. */
    static final class FirstPlaySeen implements org.apache.flink.api.common.functions.MapFunction<Play, Play> {
        /** Wall-clock microseconds (comparable with PostgreSQL's now() on this machine). */
        static final AtomicLong FIRST = new AtomicLong(Long.MAX_VALUE);

        @Override
        public Play map(Play p) {
            if (FIRST.get() == Long.MAX_VALUE) {
                FIRST.accumulateAndGet(Times.micros(Instant.now()), Math::min);
            }
            return p;
        }
    }

    static String[] args(String bootstrap, String playsTopic, Path archive, String db, Path reference,
                         int parallelism, int flushMs, String... more) {
        String u = KafkaTestBroker.newTopic("bench-usage", 1);
        String v = KafkaTestBroker.newTopic("bench-verdicts", 1);
        List<String> a = new ArrayList<>(List.of("--bootstrap-servers", bootstrap, "--archive", archive.toString(),
                "--plays-topic", playsTopic, "--usage-topic", u, "--verdicts-topic", v, "--group-id", playsTopic,
                "--reference", reference.toString(), "--parallelism", "" + parallelism,
                "--checkpoint-interval-ms", "10000", "--idleness-ms", "1000", "--accrual-flush-ms", "" + flushMs));
        if (db != null) {
            a.addAll(List.of("--jdbc-url", db));
        }
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    /** tracks T00000..: one or two artists (A00000..A04999), 2 % fully AI. */
    static Path catalogue(Path root, int tracks) throws Exception {
        List<Object[]> t = new ArrayList<>();
        List<Object[]> r = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            String id = String.format("T%05d", i);
            t.add(new Object[] {id, "ISRC" + i, 180_000, i % 50 == 49 ? "full" : "none"});
            if (i % 3 == 0 && i > 0) {
                r.add(new Object[] {id, String.format("A%05d", i % 5_000), 500_000L});
                r.add(new Object[] {id, String.format("A%05d", (i + 1) % 5_000), 500_000L});
            } else {
                r.add(new Object[] {id, String.format("A%05d", i % 5_000), 1_000_000L});
            }
        }
        new InputFolder(root).write(Tables.TRACKS, t).write(Tables.TRACK_RIGHTS, r);
        return root;
    }

    private static final String[] COUNTRIES = {"DE", "FR", "SE", "GB", "US", "BR"};
    private static final String[] PRODUCTS = {"premium", "family", "student", "free"};
    /** A live topic carries "now": the backlog spans six hours of one day (2 M plays at 100 000/s would be 20 s). */
    private static final long BACKLOG_START = Times.micros(Instant.parse("2026-10-15T06:00:00Z"));
    private static final long BACKLOG_SPAN = 6L * 3_600_000_000L;

    /**
     * Play i of a backlog of n: roughly in time order with up to a minute of disorder, 200 000 users,
     * uniform over 10 000 tracks, six countries and four products, a tenth of them short.
     */
    public static Play backlogPlay(int i, int n, SplittableRandom rnd) {
        long at = BACKLOG_START + (long) ((double) i / n * BACKLOG_SPAN) + rnd.nextLong(60_000_000L);
        return new Play("P" + i, "U" + rnd.nextInt(200_000), String.format("T%05d", rnd.nextInt(10_000)), at,
                rnd.nextInt(10) == 0 ? 5_000 : 30_000 + rnd.nextInt(200_000),
                COUNTRIES[rnd.nextInt(COUNTRIES.length)], PRODUCTS[rnd.nextInt(PRODUCTS.length)]);
    }

    static void produce(String topic, int n) throws Exception {
        SplittableRandom rnd = new SplittableRandom(42);
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = KafkaTestBroker.producer()) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic, LiveJson.toJson(backlogPlay(i, n, rnd))), (meta, e) -> {
                    if (e != null && failed.getAndIncrement() == 0) {
                        firstFailure.set(e);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            // the run would measure fewer plays than it claims
            throw new IllegalStateException(failed.get() + " of " + n + " plays not produced", firstFailure.get());
        }
    }

    static long countArchived(Path archive) throws Exception {
        long n = 0;
        for (org.apache.flink.core.fs.Path f : dev.royalties.io.TableFiles.list(
                new org.apache.flink.core.fs.Path(archive.resolve("plays").toUri()))) {
            try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
                    dev.royalties.io.TableFiles.open(f))) {
                n += r.getRecordCount();
            }
        }
        return n;
    }

    static long accrualRows(String db) throws Exception {
        return queryLong(db, "SELECT count(*) FROM live_accruals");
    }

    static long sumAccruals(String db) throws Exception {
        return queryLong(db, "SELECT coalesce(sum(eligible_plays), 0) FROM live_accruals");
    }

    /** A query's one number. */
    static long queryLong(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int arg(String[] argv, String name, int fallback) {
        for (String a : argv) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1).replace("_", ""));
            }
        }
        return fallback;
    }
}
