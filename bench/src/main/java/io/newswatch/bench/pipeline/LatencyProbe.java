package io.newswatch.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic's committed records as they appear and notes, for each, how long after its raw article was sent it
 * arrived: the record's timestamp is the raw record's (Kafka Streams carries it through every stage), and the
 * producer set that to the send time. Same machine, same clock.
 */
final class LatencyProbe implements AutoCloseable {
    /** One arrival: when (epoch ms) and how late (ms). */
    record Arrival(long at, long latency) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    LatencyProbe(String bootstrap, String topic) {
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "latency-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running.get()) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                long now = System.currentTimeMillis();
                synchronized (arrivals) {
                    arrivals.add(new Arrival(now, now - r.timestamp()));
                }
            }
        }
        consumer.close();
    }

    int count() {
        synchronized (arrivals) {
            return arrivals.size();
        }
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** p50, p95, p99, max of the latencies of arrivals from {@code from} (epoch ms) on. */
    static long[] percentiles(List<Arrival> arrivals, long from, long to) {
        long[] l = arrivals.stream().filter(a -> a.at() >= from && a.at() < to).mapToLong(Arrival::latency)
                .sorted().toArray();
        if (l.length == 0) {
            return new long[] {-1, -1, -1, -1};
        }
        return new long[] {at(l, 0.50), at(l, 0.95), at(l, 0.99), l[l.length - 1]};
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static String format(long[] p) {
        return Arrays.stream(p).mapToObj(v -> String.format("%6d", v)).reduce((a, b) -> a + " " + b).orElse("");
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
