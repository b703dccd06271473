package io.newswatch.sink;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.dlq.DeadLetterHeaders;
import io.newswatch.model.json.Json;
import io.newswatch.sink.db.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sink against a real broker and a real PostgreSQL: a record the database refuses for its content is found in its
 * batch, dead-lettered with the database's reason, and everything else is written.
 */
class SinkIsolationTest {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    private static String alertJson(int n, String title) {
        return alertJson(n, title, 1);
    }

    private static String alertJson(int n, String title, int version) {
        Instant t = Instant.parse("2026-03-10T08:00:00Z");
        return Json.write(new Alert("rule:s" + n, Alert.STORY, "rule", "low", null, "CSTO in " + version
                + " articles", List.of("CSTO"), "s" + n, List.of("a" + n), version, List.of("Wire"), title, null,
                "snippet", List.of(new Evidence("csto-en", "body", 0, 4, "CSTO", "CSTO met.")), t,
                t.plusSeconds(version), version, Alert.SCHEMA_VERSION));
    }

    private static Map<String, String> settings(String unique, String jdbcUrl) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("topic.alerts", "alerts-" + unique);
        settings.put("topic.aggregates", "aggregates-" + unique);
        settings.put("topic.dlq", "dlq-" + unique);
        settings.put(SinkConfig.GROUP_ID, "sink-" + unique);
        settings.put(SinkConfig.JDBC_URL, jdbcUrl);
        return settings;
    }

    @Test
    void aDatabaseThatGoesDownMidRunIsWrittenToOnceItIsBackWithNothingLostOrDoubled() throws Exception {
        Optional<Path> bin = PostgresServer.find();
        assumeTrue(bin.isPresent(), "no PostgreSQL binaries under /usr/lib/postgresql (.ci/run installs them)");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        try (PostgresServer pg = PostgresServer.start(bin.get());
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                     kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            SinkWorker sink = new SinkWorker(new SinkConfig(settings(unique, pg.jdbcUrl())));
            Thread thread = new Thread(sink, "sink");
            thread.start();
            try {
                for (int i = 0; i < 20; i++) {
                    producer.send(new ProducerRecord<>("alerts-" + unique, "rule:s" + i, alertJson(i, "T" + i)));
                }
                producer.flush();
                await().atMost(Duration.ofSeconds(60)).until(() -> sink.alertsWritten() == 20);

                pg.stop();
                for (int i = 0; i < 20; i++) {
                    producer.send(new ProducerRecord<>("alerts-" + unique, "rule:s" + i, alertJson(i, "T" + i, 2)));
                    producer.send(new ProducerRecord<>("alerts-" + unique, "rule:s" + (20 + i),
                            alertJson(20 + i, "T" + (20 + i))));
                }
                producer.flush();
                await().atMost(Duration.ofSeconds(60)).until(() -> sink.writeFailures() > 0);
                pg.restart();
                await().atMost(Duration.ofSeconds(90)).until(() -> sink.alertsWritten() >= 60);
            } finally {
                sink.close();
                thread.join();
            }
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT alert_id), "
                         + "count(*) FILTER (WHERE version = 2), max(version) FROM alerts")) {
                rs.next();
                assertEquals(40, rs.getInt(1), "every alert, once");
                assertEquals(40, rs.getInt(2));
                assertEquals(20, rs.getInt(3), "the updates sent while the database was down are there");
                assertEquals(2, rs.getInt(4));
            }
        }
    }

    @Test
    void aRowPostgresqlRefusesIsDeadLetteredAndTheRestIsWritten() throws Exception {
        Optional<Path> bin = PostgresServer.find();
        assumeTrue(bin.isPresent(), "no PostgreSQL binaries under /usr/lib/postgresql (.ci/run installs them)");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        try (PostgresServer pg = PostgresServer.start(bin.get())) {
            Map<String, String> settings = settings(unique, pg.jdbcUrl());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 40; i++) {
                    // PostgreSQL cannot store U+0000 in text: this one row must not hold up the other 39
                    String title = i == 17 ? "Title with a NUL\u0000 in it" : "Title " + i;
                    producer.send(new ProducerRecord<>("alerts-" + unique, "rule:s" + i, alertJson(i, title)));
                }
            }
            SinkWorker sink = new SinkWorker(new SinkConfig(settings));
            Thread thread = new Thread(sink, "sink");
            thread.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> sink.alertsWritten() == 39
                        && sink.deadLettered() == 1);
            } finally {
                sink.close();
                thread.join();
            }
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE alert_id = 'rule:s17') "
                         + "FROM alerts")) {
                rs.next();
                assertEquals(39, rs.getInt(1));
                assertEquals(0, rs.getInt(2));
            }
            List<ConsumerRecord<byte[], byte[]>> dead = readAll("dlq-" + unique);
            assertEquals(1, dead.size());
            String reason = new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.startsWith("the database refused it"), reason);
            assertEquals("17", new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.SOURCE_OFFSET).value(),
                    StandardCharsets.UTF_8));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return !out.isEmpty();
            });
        }
        return out;
    }
}
