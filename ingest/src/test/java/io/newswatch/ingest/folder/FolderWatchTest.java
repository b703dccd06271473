package io.newswatch.ingest.folder;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.IngestWorker;
import io.newswatch.model.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ingest --watch on a real broker: a file dropped into the folder while it runs becomes an article; a changed one too. */
class FolderWatchTest {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    private static List<String> titlesOn(String topic) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<String> out = new java.util.ArrayList<>();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    try {
                        out.add(Json.MAPPER.readTree(r.value()).get("title").asText());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            return out;
        }
    }

    @Test
    void aFileDroppedIntoAWatchedFolderIsIngestedWhileTheWorkerRuns(@TempDir Path dir) throws Exception {
        String unique = "watch-" + UUID.randomUUID().toString().substring(0, 8);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", kafka.bootstrapServers());
        s.put("topic.raw", unique + ".raw");
        s.put("topic.dlq", unique + ".dlq");
        s.put(IngestConfig.INPUTS, inbox.toString());
        s.put(IngestConfig.WATCH, "true");
        s.put(IngestConfig.POLL_INTERVAL_MS, "100");
        s.put(IngestConfig.SETTLE_MS, "0");
        IngestWorker worker = new IngestWorker(new IngestConfig(s), Clock.systemUTC());
        Thread loop = new Thread(() -> {
            try {
                worker.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ingest-watch");
        loop.start();
        try {
            Files.writeString(inbox.resolve("first.txt"), "Bridge reopens after repairs\n\nThe river bridge in the "
                    + "old town reopened on Monday after two years of repairs, the mayor's office said.\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> titlesOn(unique + ".raw").size() == 1);
            Files.writeString(inbox.resolve("second.txt"), "Market hall gets a new roof\n\nWorkers began replacing "
                    + "the roof of the covered market on Tuesday; traders moved to the square for a month.\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> titlesOn(unique + ".raw").size() == 2);
            assertEquals(List.of("Bridge reopens after repairs", "Market hall gets a new roof"),
                    titlesOn(unique + ".raw").stream().sorted().toList());
        } finally {
            worker.stop();
            loop.join(30_000);
            worker.close();
        }
    }
}
