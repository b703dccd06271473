package io.newswatch.app.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.app.Main;
import io.newswatch.app.support.TestKafka;
import io.newswatch.enrich.topology.StageLag;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status command reads lag off a real broker: records written to the raw topic and to an internal repartition
 * topic that enrich's group has not committed count as work still to do, stage by stage.
 */
class StatusCommandTest {
    private final String name = "status-" + UUID.randomUUID().toString().substring(0, 8);
    private final String app = name + "-enrich";
    private final String raw = name + ".raw";
    private final String signatures = app + "-signatures-repartition";

    @BeforeEach
    void writeRecordsNobodyHasProcessed() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(raw, 2, (short) 1), new NewTopic(signatures, 1, (short) 1)))
                    .all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(raw, 0, "a" + i, "{}"));
            }
            producer.send(new ProducerRecord<>(signatures, "s1", "{}"));
            producer.send(new ProducerRecord<>(signatures, "s2", "{}"));
            producer.flush();
        }
    }

    private List<String> status() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertEquals(0, Main.run("status", "--set", "bootstrap.servers=" + TestKafka.bootstrapServers(),
                    "--set", "enrich.application.id=" + app, "--set", "topic.raw=" + raw,
                    "--set", "sink.group.id=" + name + "-sink", "--set", "topic.alerts=" + name + ".alerts",
                    "--set", "topic.aggregates=" + name + ".aggregates"));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static long lagOf(List<String> lines, String stage) {
        Optional<String> line = lines.stream().filter(l -> l.startsWith(stage + " ")).findFirst();
        assertTrue(line.isPresent(), "no line for " + stage + " in " + lines);
        return Long.parseLong(line.get().substring(stage.length()).trim().split("\\s+")[0]);
    }

    @Test
    void shouldCountRecordsWaitingInRepartitionTopicsAsWorkStillToDo() {
        List<String> lines = status();
        assertEquals(3, lagOf(lines, "enrich: analyse"), lines.toString());
        assertEquals(2, lagOf(lines, "enrich: story"), lines.toString());
        assertEquals(0, lagOf(lines, "enrich: alerts"), lines.toString());
        assertEquals(0, lagOf(lines, "sink: database"), lines.toString());
        assertTrue(lines.get(lines.size() - 1).contains("behind: 5"), lines.toString());
    }

    @Test
    void shouldSubtractWhatTheGroupHasCommitted() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(app, Map.of(new TopicPartition(raw, 0), new OffsetAndMetadata(2),
                    new TopicPartition(signatures, 0), new OffsetAndMetadata(2))).all().get();
        }
        List<String> lines = status();
        assertEquals(1, lagOf(lines, "enrich: analyse"), lines.toString());
        assertEquals(0, lagOf(lines, "enrich: story"), lines.toString());
        assertTrue(lines.get(lines.size() - 1).contains("behind: 1"), lines.toString());
    }

    @Test
    void shouldPublishEachStagesLagAsAGauge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
                StageLag lag = new StageLag(admin, app, raw)) {
            lag.bindTo(registry, 1);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertEquals(3.0, registry.get("newswatch.enrich.stage.lag").tag("stage", "analyse").gauge().value());
                assertEquals(2.0, registry.get("newswatch.enrich.stage.lag").tag("stage", "story").gauge().value());
            });
        }
    }
}
