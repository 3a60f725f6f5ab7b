package dev.royalties.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.royalties.jobs.monthly.MonthlyOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of docker/ without a Docker engine: the compose file parses (anchors and
 * merge keys resolved as Compose does), uses the official Flink image of the build's Flink
 * version, passes the settings of conf/flink/config.yaml, publishes the REST port, mounts the
 * same data paths on every Flink container, and its one-shot service submits a month whose
 * arguments the monthly command accepts. conf/flink/config.yaml itself is read with Flink's parser.
 */
class ClusterConfigTest {
    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    static final Path DOCKER = ROOT.resolve("docker");
    static final Pattern VAR = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?}");

    static Map<String, Object> compose;
    static Map<String, Object> services;
    static Map<String, String> conf;
    static Map<String, String> pom;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        compose = new Yaml().load(Files.readString(DOCKER.resolve("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
        conf = new LinkedHashMap<>();
        conf.putAll(FlinkCluster.flatYaml(Files.readString(ROOT.resolve("conf/flink/config.yaml"))));
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        pom = new LinkedHashMap<>();
        var props = d.getElementsByTagName("properties").item(0).getChildNodes();
        for (int i = 0; i < props.getLength(); i++) {
            if (props.item(i).getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                pom.put(props.item(i).getNodeName(), props.item(i).getTextContent().strip());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) service(name).getOrDefault("environment", Map.of()))
                .forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(String service, String key) {
        Object v = service(service).get(key);
        return v == null ? List.of() : ((List<Object>) v).stream().map(String::valueOf).toList();
    }

    /** ${NAME:-default} as Compose substitutes it with NAME unset. */
    static String substitute(String s) {
        Matcher m = VAR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        return m.appendTail(sb).toString();
    }

    static Map<String, String> flinkProperties(String service) {
        Map<String, String> props = new LinkedHashMap<>();
        props.putAll(FlinkCluster.flatYaml(environment(service).get("FLINK_PROPERTIES")));
        return props;
    }

    static String flinkImage() {
        return "flink:" + pom.get("flink.version") + "-scala_2.12-java17";
    }

    static final List<String> FLINK_SERVICES = List.of("jobmanager", "taskmanager-1", "taskmanager-2");

    @Test
    void composeHasTheSessionClusterKafkaPostgresAndTheOneShotSubmitter() {
        assertThat(services).containsOnlyKeys("jobmanager", "taskmanager-1", "taskmanager-2", "kafka", "postgres",
                "submit-month");
        assertThat(service("jobmanager").get("command")).isEqualTo("jobmanager");
        assertThat(service("taskmanager-1").get("command")).isEqualTo("taskmanager");
        assertThat(service("taskmanager-2").get("command")).isEqualTo("taskmanager");
        assertThat(service("submit-month").get("restart")).isEqualTo("no");
    }

    @Test
    void flinkServicesRunTheOfficialImageOfTheBuildsFlinkVersion() throws IOException {
        assertThat(flinkImage()).isEqualTo("flink:2.2.0-scala_2.12-java17");
        for (String s : FLINK_SERVICES) {
            assertThat(service(s).get("image")).as(s).isEqualTo(flinkImage());
        }
        List<String> froms = Files.readAllLines(DOCKER.resolve("Dockerfile")).stream()
                .filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms.get(froms.size() - 1)).isEqualTo("FROM " + flinkImage());
    }

    @Test
    void flinkPropertiesAreThoseOfConfFlinkWithContainerAddresses() {
        for (String s : List.of("jobmanager", "taskmanager-1", "taskmanager-2", "submit-month")) {
            Map<String, String> props = flinkProperties(s);
            assertThat(props.get("jobmanager.rpc.address")).isEqualTo("jobmanager");
            assertThat(props.get("rest.address")).isEqualTo("jobmanager");
            assertThat(props.get("rest.bind-address")).isEqualTo("0.0.0.0");
            for (Map.Entry<String, String> e : conf.entrySet()) {
                String key = e.getKey();
                if (key.endsWith(".address") || key.endsWith("bind-host") || key.endsWith("bind-address") || key.equals("taskmanager.host")
                        || key.startsWith("env.java.opts") || key.equals("blob.server.port")) {
                    continue; // addresses differ; the image's own config.yaml has the JDK 17 options
                }
                assertThat(props).as("%s in FLINK_PROPERTIES of %s", key, s).containsEntry(key, e.getValue());
            }
        }
    }

    @Test
    void confFlinkConfigYamlIsReadByFlinksOwnParser() {
        Configuration c = GlobalConfiguration.loadConfiguration(ROOT.resolve("conf/flink").toString());
        assertThat(c.toMap()).containsEntry("taskmanager.numberOfTaskSlots", "2")
                .containsEntry("rest.port", "8081")
                .containsEntry("cluster.intercept-user-system-exit", "THROW")
                .containsEntry("jobmanager.memory.process.size", "1024m");
        assertThat(c.toMap().get("env.java.opts.all")).contains("--add-opens=java.base/java.util=ALL-UNNAMED");
    }

    @Test
    void restPortIsPublishedAndUsedBySubmitter() {
        String port = conf.get("rest.port");
        assertThat(list("jobmanager", "ports").stream().map(ClusterConfigTest::substitute))
                .contains("127.0.0.1:" + port + ":" + port);
        assertThat(environment("submit-month")).containsEntry("FLINK_JOBMANAGER", "jobmanager:" + port);
    }

    @Test
    void theOneShotServiceSubmitsAMonthTheMonthlyCommandAccepts() throws IOException {
        List<String> args = list("submit-month", "command").stream().map(ClusterConfigTest::substitute).toList();
        MonthlyOptions o = MonthlyOptions.parse(args.toArray(new String[0]));
        assertThat(o.period().toString()).isEqualTo("2026-10");
        assertThat(o.policy().userMonthlyCap()).isEqualTo(15);
        int slots = 2 * Integer.parseInt(conf.get("taskmanager.numberOfTaskSlots"));
        assertThat(o.parallelism()).isBetween(1, slots);
        assertThat(environment("submit-month")).containsEntry("FLINK_MIN_SLOTS", String.valueOf(slots));

        // The script the service runs is in the image, and runs the jar where the image puts it.
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(list("submit-month", "entrypoint")).containsExactly("/opt/royalties/submit-month.sh");
        assertThat(dockerfile).contains("docker/submit-month.sh /opt/royalties/submit-month.sh")
                .contains("/src/jobs/target/royalties.jar /opt/flink/usrlib/royalties.jar");
        String script = Files.readString(DOCKER.resolve("submit-month.sh"));
        assertThat(script).contains("/opt/flink/bin/flink run -m \"$JM\" /opt/flink/usrlib/royalties.jar monthly \"$@\"");
        assertThat(Files.isExecutable(DOCKER.resolve("submit-month.sh"))).isTrue();
        Map<?, ?> build = (Map<?, ?>) service("submit-month").get("build");
        assertThat(build.get("context")).isEqualTo("..");
        assertThat(build.get("dockerfile")).isEqualTo("docker/Dockerfile");

        // Every Flink container sees the input and output at the paths the job is given.
        for (String s : List.of("jobmanager", "taskmanager-1", "taskmanager-2", "submit-month")) {
            List<String> targets = list(s, "volumes").stream().map(v -> substitute(v).split(":")[1]).toList();
            assertThat(targets).as(s).contains(o.input(), o.output());
        }
        String inputSource = list("submit-month", "volumes").stream().map(ClusterConfigTest::substitute)
                .filter(v -> v.split(":")[1].equals(o.input())).findFirst().orElseThrow().split(":")[0];
        assertThat(DOCKER.resolve(inputSource).normalize().resolve("plays")).isDirectory();
    }

    /** ${NAME:?message}: Compose stops with the message when NAME is unset or empty. */
    static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*):\\?[^}]+}");

    @Test
    void noPasswordIsCommittedTheyComeFromTheUncommittedEnvFile() throws IOException {
        String raw = Files.readString(DOCKER.resolve("docker-compose.yml"));
        List<String> secrets = new ArrayList<>();
        for (String s : services.keySet()) {
            environment(s).forEach((k, v) -> {
                if (k.matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                    secrets.add(k);
                    assertThat(v).as("%s of %s: no literal, no default; required from docker/.env", k, s)
                            .matches(REQUIRED.pattern());
                }
            });
            if (environment(s).containsKey("FLINK_PROPERTIES")) {
                assertThat(environment(s).get("FLINK_PROPERTIES").toLowerCase()).as(s).doesNotContain("password");
            }
        }
        assertThat(secrets).as("the PostgreSQL password at least").contains("POSTGRES_PASSWORD");
        Matcher defaults = VAR.matcher(raw);
        while (defaults.find()) {
            assertThat(defaults.group(2) != null && defaults.group(1).matches(".*(PASSWORD|SECRET|TOKEN).*"))
                    .as("a default for %s", defaults.group()).isFalse();
        }

        // The example lists every required variable, empty (copying it without editing fails clearly).
        Map<String, String> example = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
            }
        }
        Matcher required = REQUIRED.matcher(raw);
        int n = 0;
        while (required.find()) {
            n++;
            assertThat(example).as("docker/.env.example").containsEntry(required.group(1), "");
        }
        assertThat(n).isPositive();
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).as(".gitignore").contains("docker/.env");
        assertThat(Files.readAllLines(DOCKER.resolve("Dockerfile.dockerignore"))).as("kept out of the build context")
                .contains("docker/.env");
        assertThat(Files.readString(ROOT.resolve("docs/cluster.md"))).contains("docker/.env.example")
                .contains("**not** been built or run");
    }

    @Test
    void publishedPortsListenOnTheBindAddressLoopbackUnlessSet() {
        List<String> published = new ArrayList<>();
        for (String s : services.keySet()) {
            for (String p : list(s, "ports")) {
                published.add(s);
                assertThat(p).as("a port of %s", s).matches("\\$\\{BIND_ADDRESS:-127\\.0\\.0\\.1}:(\\d+):\\d+");
            }
        }
        assertThat(published).contains("jobmanager", "kafka", "postgres");
    }

    @Test
    void noServiceRunsAsRoot() {
        for (String s : services.keySet()) {
            Object user = service(s).get("user");
            assertThat(user).as("user: of %s", s).isNotNull();
            assertThat(String.valueOf(user).split(":")[0]).as("user: of %s", s).isNotIn("root", "0", "");
        }
        assertThat(service("jobmanager").get("user")).isEqualTo("flink"); // the official image's uid 9999
    }

    @Test
    void kafkaRunsInKraftModeWithTheBuildsKafkaVersion() {
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:" + pom.get("kafka.version"));
        Map<String, String> env = environment("kafka");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        assertThat(env).containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS").containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        assertThat(services.keySet()).noneMatch(k -> k.contains("zookeeper"));
    }

    @Test
    void postgresCreatesTheSchemasFromSqlJdbc() {
        assertThat(list("postgres", "volumes")).contains("../sql/jdbc:/docker-entrypoint-initdb.d:ro");
        assertThat(environment("postgres")).containsEntry("POSTGRES_DB", "royalties");
    }

    @Test
    void sqlJdbcHoldsTheAiConsentAndLiveAccrualsSchemas() throws IOException {
        Path jdbc = ROOT.resolve("sql/jdbc");
        assumeTrue(Files.isDirectory(jdbc), "sql/jdbc/ is not on this branch yet (the live path's DDL)");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(jdbc)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8).toLowerCase()).append('\n');
            }
        }
        assertThat(all.toString()).contains("ai_consent").contains("live_accruals");
    }

    @Test
    void docsDescribeTheSameCommandsPortsAndPaths() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/cluster.md"));
        assertThat(docs).contains("docker compose -f docker/docker-compose.yml")
                .contains("submit-month")
                .contains("http://localhost:" + conf.get("rest.port"))
                .contains(flinkImage())
                .contains("conf/cluster.sh start")
                .contains("conf/cluster.sh month")
                .contains("conf/cluster.sh stop");
        List<String> libJars = new ArrayList<>(List.of("flink-runtime-2.2.0.jar", "flink-clients-2.2.0.jar",
                "flink-table-planner-loader-2.2.0.jar", "flink-runtime-web-2.2.0.jar"));
        for (String jar : libJars) {
            assertThat(docs).contains(jar.replace("-2.2.0.jar", ""));
        }
        Path readme = ROOT.resolve("README.md");
        if (Files.exists(readme) && Files.readString(readme).contains("docker compose")) {
            assertThat(Files.readString(readme)).contains("docker/docker-compose.yml");
        }
    }
}
