package io.newswatch.app.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.app.Main;
import io.newswatch.app.support.TestKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.json.Json;
import io.newswatch.sink.SinkConfig;
import io.newswatch.sink.SinkWorker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink in a child JVM is killed (SIGKILL) while it writes: batches written to the database but whose offsets were
 * not committed are read again by its successor. Every alert must end at its latest version, once, with no
 * version going backwards.
 */
class SinkCrashTest {
    private static final int ALERTS = 150;
    private static final int VERSIONS = 3;
    private static final Instant T = Instant.parse("2026-03-10T08:00:00Z");

    @TempDir
    Path dir;

    private static byte[] alert(int n, int version) {
        return Json.writeBytes(new Alert("rule:s" + n, Alert.STORY, "rule", "low", null, "CSTO in " + version,
                List.of("CSTO"), "s" + n, List.of("a" + n), version, List.of("Wire"), "Title " + n, null, "snippet",
                List.of(new Evidence("csto-en", "body", 0, 4, "CSTO", "CSTO met.")), T, T.plusSeconds(version),
                version, Alert.SCHEMA_VERSION));
    }

    private static int[] rowsAndLatest(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE version = " + VERSIONS
                     + ") FROM alerts")) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2)};
        } catch (SQLException e) {
            return new int[] {0, 0}; // the child has not created the tables yet
        }
    }

    @Test
    void aSinkKilledMidWriteLeavesEveryAlertAtItsLatestVersionOnce() throws Exception {
        String unique = "sinkcrash-" + UUID.randomUUID().toString().substring(0, 8);
        String url = "jdbc:sqlite:" + dir.resolve("crash.db");
        Map<String, String> settings = new HashMap<>(Map.of("bootstrap.servers", TestKafka.bootstrapServers(),
                "topic.alerts", unique + ".alerts", "topic.aggregates", unique + ".aggregates", "topic.dlq",
                unique + ".dlq", SinkConfig.GROUP_ID, unique, SinkConfig.JDBC_URL, url,
                "kafka.max.poll.records", "20", "topic.partitions", "2", "kafka.session.timeout.ms", "6000",
                "kafka.heartbeat.interval.ms", "1000"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (int v = 1; v <= VERSIONS; v++) {
                for (int n = 0; n < ALERTS; n++) {
                    producer.send(new ProducerRecord<>(unique + ".alerts", "rule:s" + n, alert(n, v)));
                }
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sink"));
        settings.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            // Killed once it has written part of the stream, with more batches under way.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !child.isAlive() || rowsAndLatest(url)[0] > 0);
            assertTrue(child.isAlive(), "the child sink died on its own: see " + dir.resolve("child.log"));
        } finally {
            child.destroyForcibly().waitFor();
        }
        int[] atKill = rowsAndLatest(url);
        assertTrue(atKill[1] < ALERTS, "killed before it had written everything: " + atKill[1]);

        SinkWorker survivor = new SinkWorker(new SinkConfig(settings));
        Thread loop = new Thread(survivor, "sink-survivor");
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> rowsAndLatest(url)[1] == ALERTS);
        } finally {
            survivor.close();
            loop.join(30_000);
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT alert_id), min(version), max(version), "
                     + "count(*) FILTER (WHERE article_count <> version) FROM alerts")) {
            rs.next();
            assertEquals(ALERTS, rs.getInt(1), "every alert once");
            assertEquals(ALERTS, rs.getInt(2));
            assertEquals(VERSIONS, rs.getInt(3), "none left behind at an older version");
            assertEquals(VERSIONS, rs.getInt(4));
            assertEquals(0, rs.getInt(5), "each row is one version's content, not a mix");
        }
    }
}
