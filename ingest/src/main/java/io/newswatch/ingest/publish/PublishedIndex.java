package io.newswatch.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Which article ids the raw topic already holds, with the content hash of their latest version. Loaded at
 * start-up by reading the topic's keys and {@code newswatch.content_hash} headers (values are not parsed), so
 * that any worker, on any machine, knows what was produced before it started. Thread-safe.
 */
public final class PublishedIndex {
    public static final String CONTENT_HASH_HEADER = "newswatch.content_hash";

    private final Map<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();

    public static PublishedIndex empty() {
        return new PublishedIndex();
    }

    public static PublishedIndex load(Map<String, Object> clientProperties, String topic) {
        PublishedIndex index = new PublishedIndex();
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header hash = record.headers().lastHeader(CONTENT_HASH_HEADER);
                    if (record.key() != null && hash != null) {
                        index.hashes.put(record.key(), new String(hash.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return index;
    }

    /** True when this exact version of the article was produced already. */
    public boolean contains(String id, String contentHash) {
        return contentHash.equals(hashes.get(id));
    }

    public void add(String id, String contentHash) {
        hashes.put(id, contentHash);
    }

    public int size() {
        return hashes.size();
    }
}
