package io.newswatch.enrich.topology;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads raw records back with a consumer of its own (no group, committed data only). Used rarely: only for
 * articles that were in flight when their worker stopped. Thread-safe; opened on first use.
 */
public final class KafkaRawReader implements RawReader, AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Map<String, Object> clientProperties;
    private final String topic;
    private KafkaConsumer<String, byte[]> consumer;

    public KafkaRawReader(Map<String, Object> clientProperties, String topic) {
        this.clientProperties = clientProperties;
        this.topic = topic;
    }

    @Override
    public synchronized Record read(int partition, long offset) {
        if (consumer == null) {
            Map<String, Object> props = new HashMap<>(clientProperties);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
            props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-enrich-raw-reader");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() == offset) {
                    return new Record(r.key(), r.value(), r.timestamp());
                }
                if (r.offset() > offset) {
                    return null; // compacted or deleted by retention
                }
            }
        }
        return null;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
