package io.newswatch.ingest.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources this worker owns. Ingest workers form a consumer group over the compacted sources topic: each
 * partition, and so each source, is assigned to exactly one worker, and moves when workers join or leave. On every
 * assignment the worker reads its partitions from the beginning (offsets are never committed: the compacted topic
 * is the table of sources), so an added, changed or removed source takes effect on the next poll. A malformed
 * source record is rejected with the reason in the log and changes nothing. Not thread-safe: one polling thread.
 */
public final class SourceDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceDirectory.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Map<String, Source>> owned = new HashMap<>();

    public SourceDirectory(Map<String, Object> clientProperties, String topic, String groupId) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(owned::remove);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                partitions.forEach(owned::remove);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                partitions.forEach(p -> owned.put(p, new HashMap<>()));
                consumer.seekToBeginning(partitions);
                if (!partitions.isEmpty()) {
                    LOG.info("now owning source partitions {}", partitions);
                }
            }
        });
    }

    /** Reads source changes for up to {@code timeout}; also how the worker takes part in the group. */
    public void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            Map<String, Source> sources = owned.get(new TopicPartition(record.topic(), record.partition()));
            if (sources == null || record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                if (sources.remove(record.key()) != null) {
                    LOG.info("source {} removed", record.key());
                }
                continue;
            }
            try {
                Source source = SourcesFile.parse(record.value());
                if (!source.id().equals(record.key())) {
                    throw new IllegalArgumentException("record key " + record.key() + " is not the source id "
                            + source.id());
                }
                sources.put(source.id(), source);
            } catch (Exception e) {
                LOG.error("rejected source record {}: {}", record.key(),
                        e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
            }
        }
    }

    /** The sources this worker polls, right now. */
    public List<Source> owned() {
        List<Source> all = new ArrayList<>();
        owned.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
