package dev.royalties.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A Kafka node (KRaft, broker and controller in one) of its own, in this JVM, that can be stopped
 * and started again on the same ports and log folder, as a broker restart does. Kafka's test kit
 * cannot do that (it binds fresh ephemeral ports each time), and the shared {@link KafkaTestBroker}
 * must stay up for the other test classes; this one is built from {@link KafkaRaftServer}, the
 * class {@code kafka-server-start.sh} runs, with the same one-node settings as the shared broker.
 */
public final class RestartableKafkaBroker implements AutoCloseable {
    private final KafkaConfig config;
    private final String bootstrap;
    private KafkaRaftServer server;

    private RestartableKafkaBroker(KafkaConfig config, String bootstrap) {
        this.config = config;
        this.bootstrap = bootstrap;
    }

    /** Formats {@code logDir} as a new one-node cluster and starts it. */
    public static RestartableKafkaBroker start(Path logDir) throws Exception {
        // A broker ends its process on fatal faults; in a test JVM report it instead (see KafkaTestBroker).
        Exit.setExitProcedure((code, message) -> System.err.println("restartable Kafka broker asked to exit(" + code
                + "): " + message));
        Exit.setHaltProcedure((code, message) -> System.err.println("restartable Kafka broker asked to halt(" + code
                + "): " + message));
        int brokerPort = freePort();
        int controllerPort = freePort();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "4");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
        KafkaConfig config = new KafkaConfig(p);
        new Formatter().setNodeId(1).setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString())).setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION).setControllerListenerName("CONTROLLER")
                .setPrintStream(System.out).run();
        RestartableKafkaBroker b = new RestartableKafkaBroker(config, "127.0.0.1:" + brokerPort);
        b.startAgain(Duration.ofSeconds(60));
        return b;
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    /** A controlled shutdown, as `kafka-server-stop.sh` does; returns when the node is down. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the node again on the same ports and log folder; returns when it answers clients. */
    public synchronized void startAgain(Duration timeout) throws Exception {
        if (server != null) {
            throw new IllegalStateException("already running");
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Admin admin = Admin.create(clientProps())) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the restarted broker did not answer within " + timeout, notYet);
                }
            }
            Thread.sleep(200);
        }
    }

    public Properties clientProps() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrap);
        return p;
    }

    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(clientProps())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
