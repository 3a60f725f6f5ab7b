package dev.royalties.jobs.live;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a live topic's messages as {@link Inbound}s. It never throws: a message that is not the
 * table's JSON comes out with {@link Inbound#unreadable} set, and the validation step sends it to
 * quarantine. (A throwing deserializer would fail the job on one bad message, forever.)
 */
public final class InboundDeserializer implements KafkaRecordDeserializationSchema<Inbound> {
    private static final long serialVersionUID = 1L;

    private final String table;

    public InboundDeserializer(String table) {
        if (!table.equals(IngestJob.PLAYS) && !table.equals(IngestJob.USAGE) && !table.equals(IngestJob.VERDICTS)) {
            throw new IllegalArgumentException("no live topic feeds table " + table);
        }
        this.table = table;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Inbound> out) {
        Inbound in = new Inbound();
        in.table = table;
        in.kafkaTimestamp = record.timestamp();
        in.origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        byte[] value = record.value();
        in.raw = value;
        if (value == null || value.length == 0) {
            in.unreadable = "empty message";
        } else {
            try {
                switch (table) {
                    case IngestJob.PLAYS -> in.play = LiveJson.play(value);
                    case IngestJob.USAGE -> in.usage = LiveJson.usage(value);
                    default -> in.verdict = LiveJson.verdict(value);
                }
            } catch (LiveJson.BadRecord e) {
                in.unreadable = e.getMessage();
            } catch (RuntimeException e) {
                in.unreadable = "unreadable: " + e;
            }
        }
        out.collect(in);
    }

    @Override
    public TypeInformation<Inbound> getProducedType() {
        return TypeInformation.of(Inbound.class);
    }
}
