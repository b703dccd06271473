package io.newswatch.app.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.app.Main;
import io.newswatch.app.support.FailoverCorpus;
import io.newswatch.app.support.TestKafka;
import io.newswatch.enrich.EnrichConfig;
import io.newswatch.enrich.EnrichWorker;
import io.newswatch.model.Alert;
import io.newswatch.model.RawArticle;
import io.newswatch.model.TagCount;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enrich worker in a child JVM is killed (SIGKILL) while its transactions hold records it has written but not
 * committed; a survivor takes over. Exactly-once means: every article enriched once, every alert version once and
 * contiguous, and the counts the same as if nothing had happened. At-least-once would fail each of these.
 */
class EnrichCrashTest {
    /** Commits rarely, so that the kill lands inside an open transaction. */
    private static final Map<String, String> SLOW_COMMITS = Map.of("kafka.commit.interval.ms", "4000",
            "kafka.session.timeout.ms", "6000", "kafka.heartbeat.interval.ms", "1000",
            "kafka.producer.transaction.timeout.ms", "10000");

    @TempDir
    Path work;

    private Map<String, String> settings(String unique, int instance) {
        Map<String, String> s = new HashMap<>(SLOW_COMMITS);
        s.put("bootstrap.servers", TestKafka.bootstrapServers());
        s.put("topic.partitions", "2");
        for (String topic : List.of("raw", "enriched", "alerts", "aggregates", "rules", "dlq")) {
            s.put("topic." + topic, unique + "." + topic);
        }
        s.put(EnrichConfig.APPLICATION_ID, unique + "-enrich");
        s.put(EnrichConfig.STATE_DIR, work.resolve("streams-" + instance).toString());
        return s;
    }

    private static List<ConsumerRecord<String, String>> committed(String topic) {
        return TopicContents.read(Map.of("bootstrap.servers", TestKafka.bootstrapServers()), topic);
    }

    private static int uncommittedAndCommitted(String topic) {
        return TopicContents.read(Map.of("bootstrap.servers", TestKafka.bootstrapServers(),
                "isolation.level", "read_uncommitted"), topic).size();
    }

    private static Process startChild(Map<String, String> settings, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "enrich"));
        settings.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static TagCount countOf(String json) {
        try {
            return Json.read(json, TagCount.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean ready(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aWorkerKilledWithOpenTransactionsLosesNothingAndDoublesNothing() throws Exception {
        String unique = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        List<RawArticle> articles = FailoverCorpus.articles();
        int port = freePort();
        Map<String, String> childSettings = settings(unique, 1);
        childSettings.put("ops.port", String.valueOf(port));
        childSettings.put("ops.host", "127.0.0.1");
        Process child = startChild(childSettings, work.resolve("child.log"));
        EnrichWorker survivor = null;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> !child.isAlive() || ready(port));
            assertTrue(child.isAlive(), "the child enrich worker died: see " + work.resolve("child.log"));
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String meter : List.of("newswatch_enrich_stage_lag{", "newswatch_enrich_stage_seconds_total{",
                    "kafka_stream_", "jvm_gc_", "process_uptime_seconds")) {
                assertTrue(metrics.contains(meter), "enrich's /metrics lacks " + meter);
            }
            int half = articles.size() / 2;
            for (RawArticle a : articles.subList(0, half)) {
                producer.send(new ProducerRecord<>(unique + ".raw", a.id(), Json.writeBytes(a)));
            }
            producer.flush();
            // Written by the child but not yet committed: its transaction is open.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    uncommittedAndCommitted(unique + ".enriched") > committed(unique + ".enriched").size());
            child.destroyForcibly().waitFor();

            survivor = new EnrichWorker(new EnrichConfig(settings(unique, 2)));
            survivor.start();
            EnrichWorker running = survivor;
            await().atMost(Duration.ofSeconds(60)).until(() -> running.state() == KafkaStreams.State.RUNNING);
            for (RawArticle a : articles.subList(half, articles.size())) {
                producer.send(new ProducerRecord<>(unique + ".raw", a.id(), Json.writeBytes(a)));
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(120)).until(() -> committed(unique + ".enriched").size()
                    >= articles.size());
        } finally {
            child.destroyForcibly();
            if (survivor != null) {
                survivor.close();
            }
        }

        List<ConsumerRecord<String, String>> enriched = committed(unique + ".enriched");
        assertEquals(articles.size(), enriched.size(), "each article enriched exactly once");
        assertEquals(articles.size(), enriched.stream().map(ConsumerRecord::key).distinct().count());

        Map<String, List<Integer>> versions = new TreeMap<>();
        for (ConsumerRecord<String, String> r : committed(unique + ".alerts")) {
            versions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Json.read(r.value(), Alert.class).version());
        }
        assertEquals(FailoverCorpus.STORIES, versions.size(), versions.toString());
        versions.forEach((id, v) -> assertEquals(List.of(1, 2, 3), v.stream().sorted().toList(),
                id + ": each version once and none missing"));

        // The latest daily count of IS is what a run without the crash gives: every tagged article, once.
        TagCount daily = committed(unique + ".aggregates").stream()
                .map(r -> countOf(r.value()))
                .filter(c -> c.tag().equals("IS") && c.source() == null && c.coTag() == null
                        && c.window().equals("P1D"))
                .max(Comparator.comparingLong(TagCount::articles)).orElseThrow();
        assertEquals(FailoverCorpus.STORIES * FailoverCorpus.COPIES, daily.articles());
        assertEquals(FailoverCorpus.STORIES, daily.stories());
    }
}
