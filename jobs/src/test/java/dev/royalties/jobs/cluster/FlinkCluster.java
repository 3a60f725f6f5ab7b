package dev.royalties.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone Flink session cluster on loopback, as separate JVM processes: one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and N TaskManagers ({@code TaskManagerRunner}),
 * started the way Flink's own scripts start them (JVM options from {@code BashJavaUtils}, the
 * {@code env.java.opts.all} of the configuration), with a {@code lib/} assembled from Flink's Maven
 * artifacts and the {@code config.yaml} of {@code conf/flink/} with free ports. TaskManager N has
 * the resource id {@code taskmanager-N} (as the REST API shows it); one can be killed with SIGKILL
 * ({@link #killTaskManager}) and more started ({@link #startTaskManager}). {@link #close()} stops
 * every process it started, also when the test fails or the JVM exits.
 */
public final class FlinkCluster implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Path lib;
    private final Path work;
    private final Path conf;
    private final int restPort;
    private final List<Process> processes = new ArrayList<>();
    private final Map<Process, Path> logs = new LinkedHashMap<>();
    private final Thread reaper = new Thread(this::stopAll, "flink-cluster-reaper");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> javaOpts;
    private final Map<String, Process> taskManagers = new LinkedHashMap<>();
    private List<String> tmParams = List.of();

    private FlinkCluster(Path lib, Path work, Path conf, int restPort, List<String> javaOpts) {
        this.lib = lib;
        this.work = work;
        this.conf = conf;
        this.restPort = restPort;
        this.javaOpts = javaOpts;
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Writes the configuration, starts the JobManager and the TaskManagers and waits until the
     * cluster offers all their slots.
     *
     * @param confTemplate a config.yaml (conf/flink/config.yaml); ports and folders are replaced
     */
    public static FlinkCluster start(Path lib, Path confTemplate, Path work, int taskManagers, Duration timeout)
            throws Exception {
        return start(lib, confTemplate, work, taskManagers, Map.of(), timeout);
    }

    /** As above, with settings that override the template's (e.g. faster heartbeats for a kill test). */
    public static FlinkCluster start(Path lib, Path confTemplate, Path work, int taskManagers,
                                     Map<String, String> overrides, Duration timeout) throws Exception {
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("no Flink lib/ at " + lib + ": run `mvn -pl jobs -am package` first");
        }
        Path conf = Files.createDirectories(work.resolve("conf"));
        Files.createDirectories(work.resolve("log"));
        Files.createDirectories(work.resolve("tmp"));
        Map<String, Object> settings = new LinkedHashMap<>(flatYaml(Files.readString(confTemplate)));
        int restPort = freePort();
        settings.put("rest.port", restPort);
        settings.put("rest.address", "127.0.0.1");
        settings.put("rest.bind-address", "127.0.0.1");
        settings.put("jobmanager.rpc.address", "127.0.0.1");
        settings.put("jobmanager.bind-host", "127.0.0.1");
        settings.put("jobmanager.rpc.port", freePort());
        settings.put("taskmanager.host", "127.0.0.1");
        settings.put("taskmanager.bind-host", "127.0.0.1");
        settings.put("taskmanager.rpc.port", "0");
        settings.put("taskmanager.data.port", "0");
        settings.put("blob.server.port", "0");
        settings.put("io.tmp.dirs", work.resolve("tmp").toString());
        settings.put("web.upload.dir", Files.createDirectories(work.resolve("upload")).toString());
        settings.put("web.tmpdir", Files.createDirectories(work.resolve("web")).toString());
        settings.putAll(overrides);
        writeFlatYaml(conf.resolve("config.yaml"), settings);
        for (String f : List.of("log4j.properties", "log4j-cli.properties")) {
            Files.copy(confTemplate.resolveSibling(f), conf.resolve(f));
        }
        List<String> javaOpts = new ArrayList<>(splitOpts(String.valueOf(settings.getOrDefault("env.java.opts.all", ""))));
        // The processes' own temporary directory in the cluster's folder: a killed TaskManager leaves
        // the native libraries it unpacked there, not in the machine's /tmp.
        javaOpts.add("-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")));

        FlinkCluster c = new FlinkCluster(lib, work, conf, restPort, javaOpts);
        try {
            List<String> jm = c.resourceParams("GET_JM_RESOURCE_PARAMS");
            c.tmParams = c.resourceParams("GET_TM_RESOURCE_PARAMS");
            c.launch("jobmanager", jm.get(0), "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                    List.of("--configDir", conf.toString(), "--executionMode", "cluster"), jm.size() > 1 ? jm.get(1) : "");
            for (int i = 1; i <= taskManagers; i++) {
                c.launchTaskManager();
            }
            int slots = taskManagers * Integer.parseInt(String.valueOf(settings.get("taskmanager.numberOfTaskSlots")));
            c.awaitSlots(slots, timeout);
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    public int restPort() {
        return restPort;
    }

    public String restAddress() {
        return "127.0.0.1:" + restPort;
    }

    public Path conf() {
        return conf;
    }

    public Path work() {
        return work;
    }

    /** Starts one more TaskManager (resource id taskmanager-N) and returns its id; does not wait for it. */
    public String startTaskManager() throws IOException {
        return launchTaskManager();
    }

    private String launchTaskManager() throws IOException {
        String id;
        synchronized (processes) {
            id = "taskmanager-" + (taskManagers.size() + 1);
        }
        Process p = launch(id, tmParams.get(0), "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                List.of("--configDir", conf.toString(), "-D", "taskmanager.resource-id=" + id),
                tmParams.size() > 1 ? tmParams.get(1) : "");
        synchronized (processes) {
            taskManagers.put(id, p);
        }
        return id;
    }

    /**
     * Kills a TaskManager's JVM with SIGKILL (no shutdown hook, no goodbye to the JobManager: as
     * a crashed machine or the OOM killer would), waits until it is gone and returns its exit code.
     */
    public int killTaskManager(String id) throws InterruptedException {
        Process p;
        synchronized (processes) {
            p = taskManagers.get(id);
        }
        if (p == null) {
            throw new IllegalArgumentException("no TaskManager " + id + " (have " + taskManagers.keySet() + ")");
        }
        p.destroyForcibly(); // SIGKILL on Linux
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("TaskManager " + id + " did not die within 30 s of SIGKILL");
        }
        synchronized (processes) {
            processes.remove(p);
            logs.remove(p);
        }
        return p.exitValue();
    }

    /** The running TaskManager processes by resource id. */
    public Map<String, Process> taskManagers() {
        synchronized (processes) {
            Map<String, Process> alive = new LinkedHashMap<>();
            taskManagers.forEach((k, v) -> {
                if (v.isAlive()) {
                    alive.put(k, v);
                }
            });
            return alive;
        }
    }

    /** "BASH_JAVA_UTILS_EXEC_RESULT:" lines of BashJavaUtils: JVM options, then dynamic configs. */
    private List<String> resourceParams(String command) throws Exception {
        Result r = exec(List.of(JAVA, "-cp", lib + "/*", "org.apache.flink.runtime.util.bash.BashJavaUtils", command,
                "--configDir", conf.toString()), Map.of(), Duration.ofSeconds(60), work.resolve("log/" + command + ".out"));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("BashJavaUtils " + command + " failed: " + r.output());
        }
        List<String> out = r.output().lines().filter(l -> l.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
                .map(l -> l.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length()).strip()).toList();
        if (out.isEmpty()) {
            throw new IllegalStateException("BashJavaUtils " + command + " printed no result: " + r.output());
        }
        return out;
    }

    private Process launch(String name, String jvmParams, String mainClass, List<String> args, String dynamic)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(JAVA);
        cmd.addAll(splitOpts(jvmParams));
        cmd.addAll(javaOpts);
        cmd.add("-Dlog.file=" + work.resolve("log/" + name + ".log"));
        cmd.add("-Dlog4j.configurationFile=file:" + conf.resolve("log4j.properties"));
        cmd.add("-cp");
        cmd.add(lib + "/*");
        cmd.add(mainClass);
        cmd.addAll(args);
        cmd.addAll(splitOpts(dynamic));
        Path out = work.resolve("log/" + name + ".out");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        synchronized (processes) {
            processes.add(p);
            logs.put(p, work.resolve("log/" + name + ".log"));
        }
        return p;
    }

    private void awaitSlots(int slots, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a cluster process exited with " + p.exitValue() + "\n" + logTails());
                }
            }
            try {
                JsonNode o = get("/overview");
                if (o.path("slots-total").asInt() >= slots) {
                    return;
                }
            } catch (IOException notYet) {
                // REST endpoint not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the cluster did not offer " + slots + " slots within " + timeout + "\n"
                + logTails());
    }

    /** GET on the REST API, as JSON. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** POST /jars/upload (multipart, field "jarfile"); returns the uploaded jar's id. */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "----royalties" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(uri("/jars/upload")).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(jar), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() / 100 != 2 || !"success".equals(body.path("status").asText())) {
            throw new IOException("jar upload failed: HTTP " + r.statusCode() + " " + r.body());
        }
        String file = body.path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** POST /jars/{id}/run with program arguments; returns the raw response (status and body). */
    public HttpResponse<String> runJar(String jarId, String entryClass, List<String> programArgs, Duration timeout)
            throws IOException, InterruptedException {
        var body = JSON.createObjectNode();
        if (entryClass != null) {
            body.put("entryClass", entryClass);
        }
        var argsNode = body.putArray("programArgsList");
        programArgs.forEach(argsNode::add);
        HttpRequest req = HttpRequest.newBuilder(uri("/jars/" + jarId + "/run")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * `flink run -m 127.0.0.1:PORT JAR ARGS...` without the distribution's bin/flink: CliFrontend
     * with the cluster's lib/, configuration and JVM options, as a separate process.
     */
    public Result flinkRun(Path jar, List<String> args, Duration timeout) throws Exception {
        return flinkRun(List.of(), jar, args, timeout);
    }

    /** `flink run OPTIONS -m … JAR ARGS...`, e.g. OPTIONS = ["-d"] to submit detached. */
    public Result flinkRun(List<String> runOptions, Path jar, List<String> args, Duration timeout) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(JAVA);
        cmd.addAll(javaOpts);
        cmd.add("-Dlog4j.configurationFile=file:" + conf.resolve("log4j-cli.properties"));
        cmd.add("-cp");
        cmd.add(lib + "/*");
        cmd.add("org.apache.flink.client.cli.CliFrontend");
        cmd.add("run");
        cmd.addAll(runOptions);
        cmd.addAll(List.of("-m", restAddress(), jar.toString()));
        cmd.addAll(args);
        return exec(cmd, Map.of("FLINK_CONF_DIR", conf.toString()), timeout,
                work.resolve("log/flink-run-" + System.nanoTime() + ".out"));
    }

    /** What a finished client process printed (stdout and stderr together). */
    public record Result(int exitCode, String output) {}

    private Result exec(List<String> cmd, Map<String, String> env, Duration timeout, Path out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        synchronized (processes) {
            processes.add(p);
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(p);
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", cmd.subList(
                        Math.max(0, cmd.size() - 8), cmd.size())) + "\n" + Files.readString(out) + "\n" + logTails());
            }
            return new Result(p.exitValue(), Files.readString(out));
        } finally {
            synchronized (processes) {
                processes.remove(p);
            }
        }
    }

    /** The last lines of every cluster log, for failure messages. */
    public String logTails() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(work.resolve("log"))) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                sb.append("---- ").append(f.getFileName()).append(" (last 30 lines)\n");
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> sb.append(l).append('\n'));
            }
        } catch (IOException | UncheckedIOException e) {
            sb.append("(logs unreadable: ").append(e).append(")\n");
        }
        return sb.toString();
    }

    /** Whether every JobManager and TaskManager process is still running. */
    public boolean allAlive() {
        synchronized (processes) {
            return logs.keySet().stream().allMatch(Process::isAlive);
        }
    }

    public List<Process> processes() {
        synchronized (processes) {
            return List.copyOf(processes);
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void stopAll() {
        List<Process> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
        }
        // TaskManagers and clients first, the JobManager last.
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).destroy();
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            stop(all.get(i));
        }
    }

    private static void stop(Process p) {
        try {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + restPort + path);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static List<String> splitOpts(String opts) {
        String s = opts == null ? "" : opts.strip();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
    }

    /** A YAML document as Flink's flattened keys ("a.b.c"), values as text. */
    static Map<String, String> flatYaml(String yaml) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", new org.yaml.snakeyaml.Yaml().load(yaml), out);
        return out;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
        } else {
            out.put(prefix, String.valueOf(node));
        }
    }

    private static void writeFlatYaml(Path file, Map<String, Object> settings) throws IOException {
        StringBuilder sb = new StringBuilder("# written by the cluster test from conf/flink/config.yaml\n");
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            String v = String.valueOf(e.getValue()).replace("'", "''");
            sb.append(e.getKey()).append(": '").append(v).append("'\n");
        }
        Files.writeString(file, sb.toString());
    }
}
