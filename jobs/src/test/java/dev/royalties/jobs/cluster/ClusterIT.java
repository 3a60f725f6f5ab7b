package dev.royalties.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.jobs.Royalties;
import dev.royalties.testing.OutputCsv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly run of the worked example on a real standalone Flink 2.2.0 session cluster: a
 * JobManager and a TaskManager as separate JVMs on loopback, lib/ from Flink's Maven artifacts
 * (jobs/target/flink-cluster/lib, no Hadoop in it: royalties.jar brings its own), conf/flink/
 * config.yaml with free ports. royalties.jar is submitted with `flink run` (CliFrontend), its
 * outputs must equal an embedded run's and the expected CSVs. The jar is also uploaded through
 * the REST API, and a query of the SQL library runs on the cluster. Runs after `package`
 * (failsafe): `mvn -pl jobs -am verify -Dit.test=ClusterIT`.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    static final String PERIOD = "2026-10";
    static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path JAR = path("royalties.jar", "target/royalties.jar");
    static final Path CLUSTER_HOME = path("flink.cluster.home", "target/flink-cluster");
    static final Path CONF = path("royalties.conf", "../conf");
    static final Path EXAMPLE = BASE.resolve("src/test/resources/examples/small");
    static final Path QUERIES = BASE.resolve("../sql/queries").normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static FlinkCluster cluster;
    static Path embeddedOut;
    static Path clusterOut;
    static FlinkCluster.Result monthly;

    static Path path(String property, String fallback) {
        String p = System.getProperty(property);
        return (p != null ? Path.of(p) : BASE.resolve(fallback)).toAbsolutePath().normalize();
    }

    static List<String> monthlyArgs(Path output) {
        return List.of("monthly", "--period", PERIOD, "--input", EXAMPLE.resolve("input").toString(),
                "--output", output.toString(), "--as-of", "2026-11-05T00:00:00Z", "--user-monthly-cap", "15",
                "--parallelism", "2");
    }

    @BeforeAll
    static void runOnClusterAndEmbedded() throws Exception {
        assertThat(JAR).as("royalties.jar (mvn package)").exists();
        long t0 = System.nanoTime();
        embeddedOut = tmp.resolve("embedded");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Royalties.execute(monthlyArgs(embeddedOut).toArray(new String[0]), new PrintStream(err));
        assertThat(code).as("embedded run: %s", err).isZero();
        log("embedded run: %d s", t0);

        cluster = FlinkCluster.start(CLUSTER_HOME.resolve("lib"), CONF.resolve("flink/config.yaml"),
                tmp.resolve("cluster"), 1, Duration.ofSeconds(90));
        log("cluster up: %d s", t0);
        clusterOut = tmp.resolve("on-cluster");
        monthly = cluster.flinkRun(JAR, monthlyArgs(clusterOut), Duration.ofMinutes(3));
        log("flink run monthly: %d s", t0);
        assertThat(monthly.exitCode()).as("flink run monthly:\n%s\n%s", monthly.output(), cluster.logTails())
                .isZero();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            List<Process> started = cluster.processes();
            cluster.close();
            assertThat(started).allMatch(p -> !p.isAlive());
        }
    }

    static void log(String format, long t0) {
        System.out.printf("[ClusterIT] " + format + "%n", (System.nanoTime() - t0) / 1_000_000_000L);
    }

    @Test
    void theJobRanOnTheClusterNotInTheClient() throws Exception {
        JsonNode jobs = cluster.get("/jobs/overview").path("jobs");
        List<String> finished = new ArrayList<>();
        jobs.forEach(j -> {
            if ("FINISHED".equals(j.path("state").asText())) {
                finished.add(j.path("name").asText());
            }
        });
        assertThat(finished).contains("royalties monthly " + PERIOD + " revision 1");
        assertThat(cluster.allAlive()).isTrue();
    }

    @Test
    void outputsEqualTheEmbeddedRunAndTheExpectedCsvs() throws Exception {
        for (TableSchema t : List.of(Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION, Tables.AI_VIOLATIONS,
                Tables.QUARANTINE)) {
            List<String> onCluster = OutputCsv.read(clusterOut, t, PERIOD, 1);
            assertThat(onCluster).as(t.name()).isEqualTo(OutputCsv.read(embeddedOut, t, PERIOD, 1));
            Path csv = EXAMPLE.resolve("expected/revision-1/" + t.name() + ".csv");
            if (Files.exists(csv)) {
                assertThat(OutputCsv.readAsIn(csv, clusterOut, t, PERIOD, 1)).as(t.name()).isNotEmpty()
                        .isEqualTo(OutputCsv.expected(csv));
            }
        }
        assertThat(clusterOut.resolve("adjustments/period=" + PERIOD + "/revision=1")).doesNotExist();
    }

    @Test
    void theManifestIsWrittenLastAndAgreesWithTheEmbeddedRun() throws Exception {
        JsonNode onCluster = manifest(clusterOut);
        JsonNode embedded = manifest(embeddedOut);
        for (String field : List.of("period", "revision", "as_of", "policy", "output_rows", "totals_per_currency",
                "plays_by_status", "input_counts")) {
            assertThat(onCluster.get(field)).as(field).isEqualTo(embedded.get(field));
        }
        assertThat(clusterOut.resolve("_staging")).doesNotExist();
    }

    static JsonNode manifest(Path out) throws Exception {
        return JSON.readTree(out.resolve("_runs/period=" + PERIOD + "/revision=1/manifest.json").toFile());
    }

    @Test
    void aQueryOfTheSqlLibraryRunsOnTheCluster() throws Exception {
        FlinkCluster.Result r = cluster.flinkRun(JAR, List.of("sql", QUERIES.resolve("reconciliation_check.sql")
                .toString(), "--output", clusterOut.toString(), "--csv"), Duration.ofMinutes(2));
        assertThat(r.exitCode()).as("flink run sql:\n%s", r.output()).isZero();
        List<String> lines = r.output().lines().filter(l -> l.startsWith("period,") || l.startsWith(PERIOD + ","))
                .toList();
        assertThat(lines).as(r.output()).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("period,revision,currency,pools,pool_amount,allocated_amount,held_amount,"
                + "paid_to_artists,payment_rows,failing_pools");
        Map<String, String[]> byCurrency = new TreeMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            byCurrency.put(c[2], c);
            assertThat(c[9]).as("failing pools in %s", l).isEqualTo("0");
            assertThat(c[5]).as("allocated = paid to artists in %s", l).isEqualTo(c[7]);
        }
        assertThat(byCurrency).containsOnlyKeys("EUR", "USD");
        // The cluster ran it: a second finished job.
        assertThat(cluster.get("/overview").path("jobs-finished").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theJarUploadsThroughTheRestApi() throws Exception {
        String id = cluster.uploadJar(JAR);
        JsonNode jars = cluster.get("/jars").path("files");
        List<String> ids = new ArrayList<>();
        jars.forEach(j -> ids.add(j.path("id").asText()));
        assertThat(ids).contains(id);
        JsonNode plan = cluster.get("/jars/" + id + "/plan?programArg=" + String.join(",",
                monthlyArgs(tmp.resolve("plan-only"))).replace(":", "%3A"));
        assertThat(plan.toString()).contains("read-plays");
        assertThat(cluster.allAlive()).as("JobManager and TaskManager after /plan").isTrue();
    }

    /**
     * POST /jars/{id}/run runs main() inside the JobManager, detached. The monthly driver needs to
     * see its job end (it promotes the outputs and writes the manifest afterwards), so it refuses
     * that submission up front with its one-line reason, and never exits the JobManager's JVM.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aRestRunIsRefusedUpFrontAndTheJobManagerSurvives() throws Exception {
        String id = cluster.uploadJar(JAR);
        Path out = tmp.resolve("via-rest");
        var response = cluster.runJar(id, null, monthlyArgs(out), Duration.ofMinutes(3));
        Thread.sleep(1000);
        assertThat(cluster.allAlive()).as("cluster processes after a REST run:\n%s", cluster.logTails()).isTrue();
        assertThat(cluster.get("/overview").path("taskmanagers").asInt()).isEqualTo(1);
        assertThat(response.statusCode() / 100).isNotEqualTo(2);
        assertThat(response.body()).contains("monthly must run attached");
        assertThat(out.resolve("_runs")).doesNotExist();
        assertThat(out.resolve("artist_payments")).doesNotExist();
    }

    @Test
    void theJarShadesConnectorsFormatsAndHadoopButNotFlinkCore() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(java.util.jar.JarEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.startsWith("org/apache/flink/runtime/")
                    || n.startsWith("org/apache/flink/table/api/") || n.startsWith("org/apache/flink/api/")
                    || n.startsWith("org/apache/flink/streaming/api/") || n.startsWith("org/apache/flink/client/"));
            assertThat(names).contains("org/apache/hadoop/conf/Configuration.class",
                    "org/apache/flink/formats/parquet/ParquetInputFile.class", "sql/output_tables.sql",
                    "sql/input_tables.sql", "sql/queries/artist_statement.sql");
            assertThat(names).noneMatch(n -> n.matches("META-INF/[^/]*\\.(SF|DSA|RSA)"));
            String factories = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/org.apache.flink.table.factories.Factory")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(factories).contains("org.apache.flink.formats.parquet.ParquetFileFormatFactory",
                    "org.apache.flink.formats.json.JsonFormatFactory",
                    "org.apache.flink.streaming.connectors.kafka.table.KafkaDynamicTableFactory",
                    "org.apache.flink.connector.jdbc.core.table.JdbcDynamicTableFactory");
        }
        try (var lib = Files.list(CLUSTER_HOME.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString()).toList())
                    .as("the cluster runs without Hadoop in lib/").noneMatch(n -> n.startsWith("hadoop-"))
                    .anyMatch(n -> n.startsWith("flink-runtime-web-"));
        }
    }
}
