package io.newswatch.ingest.source;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources this worker owns. Every ingest worker reads the whole sources topic (one partition, compacted: the
 * table of sources), so an added, changed or removed source takes effect on the next poll whoever sent it. Which
 * worker polls which source is decided by a consumer group over the shards topic, whose partitions hold no records:
 * a worker owns the sources whose share ({@code murmur2(id) mod shards}) is among its assigned partitions, so each
 * source has exactly one owner, and sources move when workers join or leave. A malformed source record is rejected
 * with the reason in the log and changes nothing. Not thread-safe: one thread polls it.
 */
public final class SourceDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceDirectory.class);

    private final KafkaConsumer<String, byte[]> catalog;
    private final KafkaConsumer<byte[], byte[]> membership;
    private final Map<String, Source> sources = new HashMap<>();
    private final Set<Integer> ownedShards = new HashSet<>();
    private final int shards;

    public SourceDirectory(Map<String, Object> clientProperties, String sourcesTopic, String shardsTopic,
                           String groupId) {
        Map<String, Object> catalogProps = new HashMap<>(clientProperties);
        catalogProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        catalogProps.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-ingest-sources");
        this.catalog = new KafkaConsumer<>(catalogProps, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = catalog.partitionsFor(sourcesTopic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(sourcesTopic, p.partition())).toList();
        catalog.assign(partitions);
        catalog.seekToBeginning(partitions);

        Map<String, Object> groupProps = new HashMap<>(clientProperties);
        groupProps.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        groupProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        groupProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        groupProps.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-ingest-shards");
        this.membership = new KafkaConsumer<>(groupProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.shards = membership.partitionsFor(shardsTopic, Duration.ofSeconds(30)).size();
        membership.subscribe(List.of(shardsTopic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                revoked.forEach(p -> ownedShards.remove(p.partition()));
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> lost) {
                lost.forEach(p -> ownedShards.remove(p.partition()));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                assigned.forEach(p -> ownedShards.add(p.partition()));
                if (!assigned.isEmpty()) {
                    LOG.info("now owning {} of {} source shards", ownedShards.size(), shards);
                }
            }
        });
    }

    /** Reads source changes and takes part in the group, for up to about {@code timeout}. */
    public void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : catalog.poll(timeout.dividedBy(2))) {
            apply(record);
        }
        membership.poll(timeout.dividedBy(2));
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            LOG.error("rejected a source record without a key: the key must be the source id");
            return;
        }
        if (record.value() == null) {
            if (sources.remove(record.key()) != null) {
                LOG.info("source {} removed", record.key());
            }
            return;
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

    /** The share a source belongs to: Kafka's own key hash, so any client can work it out. */
    public static int shardOf(String sourceId, int shards) {
        return Utils.toPositive(Utils.murmur2(sourceId.getBytes(StandardCharsets.UTF_8))) % shards;
    }

    /** The sources this worker polls, right now. */
    public List<Source> owned() {
        return sources.values().stream().filter(s -> ownedShards.contains(shardOf(s.id(), shards)))
                .sorted(java.util.Comparator.comparing(Source::id)).toList();
    }

    /** Every source on the topic, owned here or not. */
    public int known() {
        return sources.size();
    }

    @Override
    public void close() {
        membership.close();
        catalog.close();
    }
}
