package io.newswatch.sink;

import io.newswatch.model.Alert;
import io.newswatch.model.TagCount;
import io.newswatch.model.config.TopicAdmin;
import io.newswatch.model.dlq.DeadLetter;
import io.newswatch.model.dlq.DeadLetterPublisher;
import io.newswatch.model.json.Json;
import io.newswatch.model.topic.Topics;
import io.newswatch.sink.db.Database;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes alerts and aggregates and upserts them. Each poll is one database transaction; offsets are committed
 * only after it, so a crash re-delivers (and the upserts make re-delivery harmless). A record that cannot be
 * parsed goes to the dead-letter topic; a database error rewinds to the last commit and retries after a pause.
 */
public final class SinkWorker implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);

    private final SinkConfig config;
    private final Database database;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DeadLetterPublisher deadLetters;
    private final String alertsTopic;
    private final String aggregatesTopic;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong alertsWritten = new AtomicLong();
    private final AtomicLong countsWritten = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private Map<TopicPartition, Long> committedPositions = Map.of();
    private final io.newswatch.model.ops.OpsServer ops;

    public SinkWorker(SinkConfig config) throws SQLException {
        this.config = config;
        TopicAdmin.ensureTopics(config, List.of(Topics.ALERTS, Topics.AGGREGATES, Topics.DLQ));
        this.database = new Database(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        this.alertsTopic = config.topic(Topics.ALERTS).name();
        this.aggregatesTopic = config.topic(Topics.AGGREGATES).name();
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // enrich writes in transactions: read only what it committed.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-sink");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = new DeadLetterPublisher(config.clientProperties(), config.topic(Topics.DLQ).name());
        this.ops = config.opsServer("sink", this::health);
        if (ops != null) {
            ops.counter("newswatch.sink.alerts.written", "Alert versions written", alertsWritten, AtomicLong::get);
            ops.counter("newswatch.sink.counts.written", "Count values written", countsWritten, AtomicLong::get);
            ops.counter("newswatch.sink.dead.lettered", "Records sent to the dead-letter topic", deadLettered,
                    AtomicLong::get);
            LOG.info("sink: metrics and health on port {}", ops.port());
        }
    }

    /** Up until the consuming loop has ended. */
    io.newswatch.model.ops.Health health() {
        Map<String, Object> details = Map.of("alerts_written", alertsWritten.get(), "counts_written",
                countsWritten.get(), "dead_lettered", deadLettered.get());
        return finished.getCount() == 0 ? io.newswatch.model.ops.Health.down(details)
                : io.newswatch.model.ops.Health.up(details);
    }

    @Override
    public void run() {
        started.set(true);
        try {
            consumer.subscribe(List.of(alertsTopic, aggregatesTopic));
            while (stopped.getCount() > 0) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    writeBatch(records);
                } else {
                    commitSkippedMarkers();
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer up: leave the loop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
            finished.countDown();
        }
    }

    private void writeBatch(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        List<Alert> alerts = new ArrayList<>();
        List<TagCount> counts = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                if (record.value() == null) {
                    throw new IllegalArgumentException("record has no value");
                }
                if (record.topic().equals(alertsTopic)) {
                    alerts.add(Json.read(record.value(), Alert.class));
                } else {
                    counts.add(Json.read(record.value(), TagCount.class));
                }
            } catch (Exception e) {
                rejected.add(DeadLetter.fromRecord("sink", e, record.topic(), record.partition(), record.offset(),
                        record.key(), record.value()));
            }
        }
        try {
            database.write(alerts, counts);
        } catch (SQLException | RuntimeException e) {
            LOG.error("database write failed ({} alerts, {} counts); retrying from the last commit in {} ms: {}",
                    alerts.size(), counts.size(), config.retryBackoff().toMillis(), e.getMessage());
            rewind();
            stopped.await(config.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        rejected.forEach(deadLetters::publish);
        consumer.commitSync();
        committedPositions = positions();
        alertsWritten.addAndGet(alerts.size());
        countsWritten.addAndGet(counts.size());
        deadLettered.addAndGet(rejected.size());
    }

    /**
     * Transaction markers move the position without giving records; commit that too, so that the group's lag
     * reaches zero once everything is written (what operators and the demo watch).
     */
    private void commitSkippedMarkers() {
        Map<TopicPartition, Long> positions = positions();
        if (!positions.equals(committedPositions)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            positions.forEach((tp, position) -> offsets.put(tp, new OffsetAndMetadata(position)));
            consumer.commitSync(offsets);
            committedPositions = positions;
        }
    }

    private Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            positions.put(tp, consumer.position(tp));
        }
        return positions;
    }

    private void rewind() {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, offset.offset());
            }
        }
    }

    public long alertsWritten() {
        return alertsWritten.get();
    }

    public long countsWritten() {
        return countsWritten.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public void stop() {
        stopped.countDown();
        consumer.wakeup();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        if (started.get()) {
            finished.await(30, TimeUnit.SECONDS);
        } else {
            consumer.close();
        }
        deadLetters.close();
        if (ops != null) {
            ops.close();
        }
        try {
            database.close();
        } catch (SQLException e) {
            LOG.warn("closing the database: {}", e.getMessage());
        }
    }
}
