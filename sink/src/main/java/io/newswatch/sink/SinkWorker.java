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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes alerts and aggregates and upserts them. Each poll is one database transaction; offsets are committed
 * only after it, so a crash re-delivers (and the upserts make re-delivery harmless). A record that cannot be
 * parsed, or whose content the database refuses (found by writing the batch in halves), goes to the dead-letter
 * topic and the rest is written; any other database error rewinds to the last commit and retries after a pause,
 * on a new connection.
 */
public final class SinkWorker implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);

    private final SinkConfig config;
    private final Database database;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final java.util.concurrent.atomic.AtomicInteger assignedPartitions = new java.util.concurrent.atomic.AtomicInteger();
    private final DeadLetterPublisher deadLetters;
    private final String alertsTopic;
    private final String aggregatesTopic;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong alertsWritten = new AtomicLong();
    private final AtomicLong countsWritten = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
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
        this.ops = config.opsServer("sink", this::health, this::ready);
        if (ops != null) {
            ops.bindKafkaClient(consumer);
            ops.counter("newswatch.sink.alerts.written", "Alert versions written", alertsWritten, AtomicLong::get);
            ops.counter("newswatch.sink.counts.written", "Count values written", countsWritten, AtomicLong::get);
            ops.counter("newswatch.sink.write.failures", "Batches the database failed to take (retried)",
                    writeFailures, AtomicLong::get);
            ops.counter("newswatch.sink.dead.lettered", "Records sent to the dead-letter topic", deadLettered,
                    AtomicLong::get);
            LOG.info("sink: metrics and health on port {}", ops.port());
        }
    }

    /** Ready once the group has given this instance its partitions and the loop runs. */
    io.newswatch.model.ops.Health ready() {
        io.newswatch.model.ops.Health alive = health();
        boolean assigned = started.get() && assignedPartitions.get() > 0;
        Map<String, Object> details = Map.of("assigned_partitions", assignedPartitions.get());
        return alive.up() && assigned ? io.newswatch.model.ops.Health.up(details)
                : io.newswatch.model.ops.Health.down(details);
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
            consumer.subscribe(List.of(alertsTopic, aggregatesTopic), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<org.apache.kafka.common.TopicPartition> parts) {
                    assignedPartitions.addAndGet(-parts.size());
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<org.apache.kafka.common.TopicPartition> parts) {
                    assignedPartitions.addAndGet(parts.size());
                }

                @Override
                public void onPartitionsLost(java.util.Collection<org.apache.kafka.common.TopicPartition> parts) {
                    assignedPartitions.addAndGet(-parts.size());
                }
            });
            while (stopped.getCount() > 0) {
                try {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        writeBatch(records);
                    } else {
                        commitSkippedMarkers();
                    }
                } catch (KafkaException e) {
                    if (e instanceof WakeupException) {
                        throw e;
                    }
                    // A commit refused after a rebalance, a dead-letter write that timed out: nothing was committed,
                    // so the batch is read again from the last commit.
                    LOG.error("sink: {}; reading again from the last commit in {} ms", DeadLetter.describe(e),
                            config.retryBackoff().toMillis());
                    rewind();
                    stopped.await(config.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
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

    /** One consumed record and what it holds: an alert or a count. */
    private record Row(ConsumerRecord<byte[], byte[]> record, Alert alert, TagCount count) {
    }

    private void writeBatch(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                if (record.value() == null) {
                    throw new IllegalArgumentException("record has no value");
                }
                if (record.topic().equals(alertsTopic)) {
                    rows.add(new Row(record, required(Json.read(record.value(), Alert.class)), null));
                } else {
                    rows.add(new Row(record, null, required(Json.read(record.value(), TagCount.class))));
                }
            } catch (Exception e) {
                rejected.add(DeadLetter.fromRecord("sink", e, record.topic(), record.partition(), record.offset(),
                        record.key(), record.value()));
            }
        }
        int[] written = new int[2];
        try {
            write(rows, rejected, written);
        } catch (SQLException | RuntimeException | AssertionError e) {
            // AssertionError: the PostgreSQL driver asserts on a connection lost in the middle of a batch when the
            // JVM runs with assertions on; it is the same lost connection, to be retried like any other.
            writeFailures.incrementAndGet();
            LOG.error("database write failed ({} records); retrying from the last commit in {} ms: {}", rows.size(),
                    config.retryBackoff().toMillis(), DeadLetter.describe(e));
            rewind();
            stopped.await(config.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        rejected.forEach(deadLetters::publish);
        consumer.commitSync();
        committedPositions = positions();
        alertsWritten.addAndGet(written[0]);
        countsWritten.addAndGet(written[1]);
        deadLettered.addAndGet(rejected.size());
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw new IllegalArgumentException("value is JSON null");
        }
        return value;
    }

    /**
     * Writes the rows in one transaction. When the database refuses the content of some row, the rows are written in
     * halves, down to the one row it refuses, which is set aside as a dead letter; everything else is written. Any
     * other failure (the database is down) is thrown, and the whole batch is read again later.
     */
    private void write(List<Row> rows, List<DeadLetter> rejected, int[] written) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Alert> alerts = rows.stream().map(Row::alert).filter(java.util.Objects::nonNull).toList();
        List<TagCount> counts = rows.stream().map(Row::count).filter(java.util.Objects::nonNull).toList();
        try {
            database.write(alerts, counts);
            written[0] += alerts.size();
            written[1] += counts.size();
        } catch (SQLException e) {
            if (!database.refusedContent(e)) {
                throw e;
            }
            if (rows.size() == 1) {
                ConsumerRecord<byte[], byte[]> r = rows.get(0).record();
                rejected.add(DeadLetter.fromRecord("sink", new SQLException("the database refused it: "
                        + DeadLetter.describe(e), e.getSQLState()), r.topic(), r.partition(), r.offset(), r.key(),
                        r.value()));
                return;
            }
            int half = rows.size() / 2;
            write(rows.subList(0, half), rejected, written);
            write(rows.subList(half, rows.size()), rejected, written);
        }
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

    /** Batches the database failed to take; each was read again from the last commit and retried. */
    public long writeFailures() {
        return writeFailures.get();
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
