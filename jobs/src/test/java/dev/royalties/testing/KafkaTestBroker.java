package dev.royalties.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in this JVM: Kafka's own KRaft test kit (one combined broker + controller
 * node), started once per test JVM and shared by every test class (about 2 s). Replication factors
 * and the transaction log's min ISR are 1, so transactions (exactly-once sinks) work on one node.
 */
public final class KafkaTestBroker {
    private static KafkaClusterTestKit cluster;

    private KafkaTestBroker() {}

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // A broker ends its process on fatal faults (Exit.exit / Exit.halt), also while it shuts
            // down in the hook below. In the test JVM that would end the run with a bare non-zero
            // exit code after every test passed; report it instead (a dead broker still fails the
            // tests that need it), as Kafka's own tests do.
            Exit.setExitProcedure((code, message) -> System.err.println("in-process Kafka broker asked to exit("
                    + code + "): " + message));
            Exit.setHaltProcedure((code, message) -> System.err.println("in-process Kafka broker asked to halt("
                    + code + "): " + message));
            try {
                KafkaClusterTestKit c = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "4")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("transaction.state.log.num.partitions", "4")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "false")
                        .build();
                c.format();
                c.startup();
                c.waitForReadyBrokers();
                cluster = c;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the in-process Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    /** A fresh topic name (tests never share topics). */
    public static String newTopic(String prefix, int partitions) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(clientProps())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name, e);
        }
        return name;
    }

    public static Properties clientProps() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrapServers());
        return p;
    }

    public static KafkaProducer<byte[], byte[]> producer() {
        Properties p = clientProps();
        p.setProperty("key.serializer", ByteArraySerializer.class.getName());
        p.setProperty("value.serializer", ByteArraySerializer.class.getName());
        p.setProperty("linger.ms", "5");
        p.setProperty("batch.size", "262144");
        p.setProperty("acks", "all");
        p.setProperty("compression.type", "none");
        return new KafkaProducer<>(p);
    }

    /** Sends the values (round robin over partitions by key when given) and waits for all acks. */
    public static void send(String topic, List<byte[]> values) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (byte[] v : values) {
                producer.send(new ProducerRecord<>(topic, v));
            }
            producer.flush();
        }
    }

    /** Every committed message of a topic, read until the end offsets seen at start. */
    public static List<byte[]> readAll(String topic, Duration timeout) {
        Properties p = clientProps();
        p.setProperty("key.deserializer", ByteArrayDeserializer.class.getName());
        p.setProperty("value.deserializer", ByteArrayDeserializer.class.getName());
        p.setProperty("isolation.level", "read_committed");
        p.setProperty("auto.offset.reset", "earliest");
        p.setProperty("group.id", "reader-" + UUID.randomUUID());
        List<byte[]> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            c.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            int idlePolls = 0;
            while (System.nanoTime() < deadline && idlePolls < 3) {
                var records = c.poll(Duration.ofMillis(500));
                if (records.isEmpty() && !c.assignment().isEmpty()) {
                    idlePolls++;
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    out.add(r.value());
                    idlePolls = 0;
                }
            }
        }
        return out;
    }
}
