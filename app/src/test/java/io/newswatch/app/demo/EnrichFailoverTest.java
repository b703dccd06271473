package io.newswatch.app.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.app.support.FailoverCorpus;
import io.newswatch.app.support.TestKafka;
import io.newswatch.enrich.EnrichConfig;
import io.newswatch.enrich.EnrichWorker;
import io.newswatch.model.Alert;
import io.newswatch.model.RawArticle;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        return TopicContents.read(Map.of("bootstrap.servers", TestKafka.bootstrapServers()), topic);
    }

    private static Set<String> enrichedIds(String topic) {
        return readAll(topic).stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    @Test
    void everyArticleIsEnrichedOnceAndEveryAlertExistsOnceWhenAnInstanceStopsHalfway() throws IOException {
        String unique = "failover-" + UUID.randomUUID().toString().substring(0, 8);
        List<RawArticle> articles = FailoverCorpus.articles();
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
        assertEquals(FailoverCorpus.STORIES, alerts.size(), "one alert per story: " + alerts.keySet());
        for (var alert : alerts.entrySet()) {
            List<Integer> versions = alert.getValue().stream().map(Alert::version).sorted().toList();
            assertEquals(List.of(1, 2, 3), versions, alert.getKey() + ": each version sent exactly once");
            Alert latest = alert.getValue().stream().max(java.util.Comparator.comparing(Alert::version)).orElseThrow();
            assertEquals(FailoverCorpus.COPIES, latest.articleCount());
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
