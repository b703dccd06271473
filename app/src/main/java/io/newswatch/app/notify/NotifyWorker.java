package io.newswatch.app.notify;

import io.newswatch.model.Alert;
import io.newswatch.model.dlq.DeadLetter;
import io.newswatch.model.dlq.DeadLetterPublisher;
import io.newswatch.model.json.Json;
import io.newswatch.model.topic.Topics;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the desk topics ({@code <alerts topic>.<desk>}) in a consumer group and delivers each alert version to the
 * desk's channels: what the ledger says was delivered is not sent again (a replay after a crash or a rebalance),
 * failures are retried with capped exponential back-off (or the server's {@code Retry-After}), and a version that
 * still fails goes to the dead-letter topic with the channel and the last error, so one dead endpoint does not hold
 * the desk. Offsets are committed after each batch is handled.
 */
public final class NotifyWorker implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyWorker.class);

    private final NotifyConfig config;
    private final Map<String, List<Channel>> channelsByDesk = new HashMap<>();
    private final DeliveryLedger ledger;
    private final Delivery delivery;
    private final KafkaConsumer<String, byte[]> consumer;
    private final DeadLetterPublisher deadLetters;
    private final String alertsTopic;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    public NotifyWorker(NotifyConfig config, List<Channel> channels, DeliveryLedger ledger, Clock clock) {
        this.config = config;
        channels.forEach(c -> channelsByDesk.computeIfAbsent(c.desk(), d -> new java.util.ArrayList<>()).add(c));
        this.ledger = ledger;
        this.clock = clock;
        this.delivery = new Delivery(HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build(), config.timeout());
        this.alertsTopic = config.topic(Topics.ALERTS).name();
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000); // new desk topics are picked up within seconds
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = new DeadLetterPublisher(config.clientProperties(), config.topic(Topics.DLQ).name());
    }

    /** Creates the ledger from the sink's database settings. */
    public static DeliveryLedger ledger(String jdbcUrl, java.util.Properties credentials, int updateEvery) {
        return new DeliveryLedger(jdbcUrl, credentials, updateEvery);
    }

    public long sent() {
        return sent.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(Pattern.compile(Pattern.quote(alertsTopic + ".") + "[^.]+"));
            while (stopped.getCount() > 0) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    handle(record);
                    if (stopped.getCount() == 0) {
                        return; // offsets of this batch not committed: it is read again, and the ledger skips what went
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // stopping
        } finally {
            consumer.close();
            finished.countDown();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        String desk = record.topic().substring(alertsTopic.length() + 1);
        Alert alert;
        try {
            alert = Json.read(record.value(), Alert.class);
        } catch (java.io.IOException | RuntimeException e) {
            deadLetter(record, "notify: not an alert: " + DeadLetter.describe(e), e);
            return;
        }
        for (Channel channel : channelsByDesk.getOrDefault(desk, List.of())) {
            try {
                if (ledger.shouldSend(channel, alert, clock.instant())) {
                    deliver(record, channel, alert);
                }
            } catch (SQLException e) {
                // Without the ledger a send might double: leave the batch uncommitted and read it again.
                throw new IllegalStateException("notify: the delivery ledger is unavailable: " + e.getMessage(), e);
            }
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record, Channel channel, Alert alert) throws SQLException {
        Duration wait = config.retryBackoff();
        Delivery.Outcome outcome = null;
        for (int attempt = 1; attempt <= config.maxAttempts() && stopped.getCount() > 0; attempt++) {
            outcome = delivery.send(channel, alert, clock.instant());
            if (outcome.delivered()) {
                ledger.delivered(channel, alert, clock.instant());
                sent.incrementAndGet();
                return;
            }
            failures.incrementAndGet();
            if (!outcome.retry() || attempt == config.maxAttempts()) {
                break;
            }
            Duration pause = outcome.retryAfter() != null ? outcome.retryAfter() : wait;
            LOG.warn("notify: {} refused {} ({}); retrying in {} ms", channel.name(), Delivery.idempotencyKey(alert),
                    outcome.error(), pause.toMillis());
            try {
                stopped.await(Math.min(pause.toMillis(), config.retryMax().toMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2);
        }
        if (outcome != null && stopped.getCount() > 0) {
            deadLetter(record, "notify: " + channel.name() + " did not take " + Delivery.idempotencyKey(alert) + ": "
                    + outcome.error(), new IllegalStateException(outcome.error()));
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, Exception e) {
        deadLettered.incrementAndGet();
        LOG.error("{}", reason);
        deadLetters.publish(DeadLetter.fromRecord("notify", new IllegalStateException(reason, e), record.topic(),
                record.partition(), record.offset(), record.key() == null ? null
                        : record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8), record.value()));
    }

    public void stop() {
        stopped.countDown();
        consumer.wakeup();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        finished.await(30, TimeUnit.SECONDS);
        deadLetters.close();
    }
}
