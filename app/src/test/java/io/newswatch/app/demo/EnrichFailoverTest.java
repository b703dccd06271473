package io.newswatch.app.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.app.support.TestKafka;
import io.newswatch.enrich.EnrichConfig;
import io.newswatch.enrich.EnrichWorker;
import io.newswatch.model.Alert;
import io.newswatch.model.RawArticle;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two enrich instances share the work on a real broker; one stops halfway. Afterwards every article has been
 * enriched exactly once and every alert exists exactly once, each version of it sent once.
 */
class EnrichFailoverTest {
    private static final int STORIES = 8;
    private static final int COPIES = 3;
    private static final int UNTAGGED = 16;
    private static final Instant FETCHED = Instant.parse("2026-03-10T08:00:00Z");
    private static final List<String> WORDS = List.of("province", "village", "governor", "police", "convoy",
            "market", "checkpoint", "statement", "officials", "night", "district", "road", "residents", "mosque",
            "prison", "valley", "bridge", "school", "clinic", "election", "court", "militia", "elders", "truck",
            "arrest", "camp", "refugees", "drone", "helicopter", "ambush", "hostage", "ransom", "recruits", "online");

    @TempDir
    Path work;

    private Map<String, String> settings(String unique, int instance) {
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", TestKafka.bootstrapServers());
        s.put("topic.partitions", "4");
        for (String topic : List.of("raw", "enriched", "alerts", "aggregates", "rules", "dlq")) {
            s.put("topic." + topic, unique + "." + topic);
        }
        s.put(EnrichConfig.APPLICATION_ID, unique + "-enrich");
        s.put(EnrichConfig.STATE_DIR, work.resolve("streams-" + instance).toString());
        return s;
    }

    private static String words(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.toString();
    }

    /** Stories of three identical copies each on the Islamic State at the Tajik border, and untagged articles. */
    private static List<RawArticle> articles() {
        List<RawArticle> out = new ArrayList<>();
        for (int s = 0; s < STORIES; s++) {
            Random random = new Random(s);
            String title = "Islamic State fighters seen near the Tajik border, report " + s;
            String body = "Guards on the Tajik-Afghan border reported the group." + words(random, 40) + ".";
            for (int c = 0; c < COPIES; c++) {
                String id = "story" + s + "-copy" + c;
                out.add(new RawArticle(id, "https://outlet" + c + ".test/" + id, "Outlet " + c, title, null, null,
                        null, FETCHED, "en", body, "hash-story-" + s, RawArticle.SCHEMA_VERSION));
            }
        }
        for (int u = 0; u < UNTAGGED; u++) {
            String id = "bread-" + u;
            out.add(new RawArticle(id, "https://bakery.test/" + id, "Bakery News", "Bread prices, week " + u,
                    null, null, null, FETCHED, "en", "Flour" + words(new Random(100 + u), 30) + ".", "hash-" + id,
                    RawArticle.SCHEMA_VERSION));
        }
        java.util.Collections.shuffle(out, new Random(7));
        return out;
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        return TopicContents.read(Map.of("bootstrap.servers", TestKafka.bootstrapServers()), topic);
    }

    private static Set<String> enrichedIds(String topic) {
        return readAll(topic).stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    @Test
    void everyArticleIsEnrichedOnceAndEveryAlertExistsOnceWhenAnInstanceStopsHalfway() throws IOException {
        String unique = "failover-" + UUID.randomUUID().toString().substring(0, 8);
        List<RawArticle> articles = articles();
        EnrichWorker second = null;
        try (EnrichWorker first = new EnrichWorker(new EnrichConfig(settings(unique, 1)))) {
            second = new EnrichWorker(new EnrichConfig(settings(unique, 2)));
            first.start();
            second.start();
            EnrichWorker both = second;
            await().atMost(Duration.ofSeconds(60)).until(() -> first.state() == KafkaStreams.State.RUNNING
                    && both.state() == KafkaStreams.State.RUNNING);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    TestKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                int half = articles.size() / 2;
                for (RawArticle a : articles.subList(0, half)) {
                    producer.send(new ProducerRecord<>(unique + ".raw", a.id(), Json.writeBytes(a)));
                }
                producer.flush();
                await().atMost(Duration.ofSeconds(60)).until(() -> enrichedIds(unique + ".enriched").size() == half);
                first.close();
                for (RawArticle a : articles.subList(half, articles.size())) {
                    producer.send(new ProducerRecord<>(unique + ".raw", a.id(), Json.writeBytes(a)));
                }
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> enrichedIds(unique + ".enriched").size()
                    == articles.size());
        } finally {
            if (second != null) {
                second.close();
            }
        }

        List<ConsumerRecord<String, String>> enriched = readAll(unique + ".enriched");
        assertEquals(articles.size(), enriched.size(), "each article enriched exactly once");

        Map<String, List<Alert>> alerts = new TreeMap<>();
        for (ConsumerRecord<String, String> r : readAll(unique + ".alerts")) {
            alerts.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Json.read(r.value(), Alert.class));
        }
        assertEquals(STORIES, alerts.size(), "one alert per story: " + alerts.keySet());
        for (var alert : alerts.entrySet()) {
            List<Integer> versions = alert.getValue().stream().map(Alert::version).sorted().toList();
            assertEquals(List.of(1, 2, 3), versions, alert.getKey() + ": each version sent exactly once");
            Alert latest = alert.getValue().stream().max(java.util.Comparator.comparing(Alert::version)).orElseThrow();
            assertEquals(COPIES, latest.articleCount());
            assertTrue(latest.alertId().startsWith("is-on-tajik-border:"), latest.alertId());
        }
        Set<String> deskAlerts = readAll(unique + ".alerts.central-asia").stream().map(ConsumerRecord::key)
                .collect(Collectors.toSet());
        assertEquals(alerts.keySet(), deskAlerts, "the desk topic has the high alerts too");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            assertEquals(4, consumer.partitionsFor(unique + ".alerts.watch").size(),
                    "desk topics are created by the worker at start-up with the configured partitions");
        }
    }
}
