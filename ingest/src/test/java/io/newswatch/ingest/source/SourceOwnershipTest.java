package io.newswatch.ingest.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.ingest.assemble.ArticleAssembler;
import io.newswatch.ingest.fetch.FetchPolicy;
import io.newswatch.ingest.fetch.PageFetcher;
import io.newswatch.model.RawArticle;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two ingest workers share the sources on the topic through a consumer group over the shards topic: every source has
 * one owner and is polled once; when a worker leaves, the other takes its sources over; a tombstone removes a source.
 * Feeds and pages come from a loopback server.
 */
class SourceOwnershipTest {
    private static final int SOURCES = 8;
    private static EmbeddedKafka kafka;
    private static HttpServer server;
    private static final Map<String, AtomicInteger> feedPolls = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        kafka = EmbeddedKafka.start();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed/", ex -> {
            String n = ex.getRequestURI().getPath().substring("/feed/".length());
            feedPolls.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
            send(ex, "application/rss+xml", "<rss version=\"2.0\"><channel><title>Feed " + n + "</title><item>"
                    + "<title>Report " + n + "</title><link>/article/" + n + "?utm_source=rss</link>"
                    + "<description>Short summary " + n + "</description></item></channel></rss>");
        });
        server.createContext("/article/", ex -> send(ex, "text/html", "<html><body><article><p>Full text of report "
                + ex.getRequestURI().getPath() + ": guards on the border said the night was quiet, and patrols "
                + "went on as planned along the river.</p></article></body></html>"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        kafka.close();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Set<String> ids(SourceDirectory d) {
        return d.owned().stream().map(Source::id).collect(Collectors.toSet());
    }

    @Test
    void anIngestWorkerPollsTheSourcesOfItsFileAndProducesTheirArticles(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        java.nio.file.Path file = dir.resolve("sources.yaml");
        java.nio.file.Files.writeString(file, "sources:\n  - id: loop-" + unique + "\n    kind: feed\n    url: "
                + "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/w" + unique + "\n    lang: en\n");
        Map<String, String> settings = new java.util.HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("topic.raw", "raw-" + unique);
        settings.put("topic.dlq", "dlq-" + unique);
        settings.put("topic.sources", "sources-" + unique);
        settings.put("topic.ingest.shards", "shards-" + unique);
        settings.put(io.newswatch.ingest.IngestConfig.SOURCES_FILE, file.toString());
        settings.put(io.newswatch.ingest.IngestConfig.GROUP_ID, "ingest-" + unique);
        settings.put(io.newswatch.ingest.IngestConfig.FETCH_PRIVATE_HOSTS, "127.0.0.1");
        settings.put(io.newswatch.ingest.IngestConfig.OPS_PORT, "0");
        settings.put(io.newswatch.ingest.IngestConfig.OPS_HOST, "127.0.0.1");
        try (io.newswatch.ingest.IngestWorker worker = new io.newswatch.ingest.IngestWorker(
                new io.newswatch.ingest.IngestConfig(settings), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                worker.pollSources();
                return worker.stats().produced() == 1;
            });
            assertEquals(0, worker.sourceHealth().get("loop-" + unique).consecutiveFailures());
            assertEquals(1, worker.sourceHealth().get("loop-" + unique).items());

            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String ops = "http://127.0.0.1:" + worker.opsPort();
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ops + "/metrics"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("newswatch_source_items_total{source=\"loop-" + unique + "\",worker=\"ingest\"} 1.0"),
                    metrics.lines().filter(l -> l.contains("newswatch_source_items")).toList().toString());
            assertTrue(metrics.contains("newswatch_ingest_articles_produced_total{worker=\"ingest\"} 1.0"));
            var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ops + "/health"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"loop-" + unique + "\":\"ok\""), health.body());
        }
    }

    @Test
    void eachSourceHasOneOwnerAndMovesWhenAWorkerLeaves() throws Exception {
        String topic = "sources-" + UUID.randomUUID();
        String shards = "shards-" + UUID.randomUUID();
        String group = "ingest-" + UUID.randomUUID();
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(shards, 4, (short) 1))).all().get();
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < SOURCES; i++) {
                producer.send(new ProducerRecord<>(topic, "s" + i, ("{\"id\":\"s" + i + "\",\"kind\":\"feed\","
                        + "\"url\":\"" + base + "/feed/" + i + "\",\"poll_interval\":\"PT10M\",\"lang\":\"en\"}")
                        .getBytes(StandardCharsets.UTF_8)));
            }
            producer.send(new ProducerRecord<>(topic, "broken", "{\"id\":\"broken\",\"kind\":\"telepathy\"}"
                    .getBytes(StandardCharsets.UTF_8)));
        }
        FetchPolicy policy = FetchPolicy.defaults().allowingPrivateHost("127.0.0.1").withMinDelay(Duration.ZERO);
        SourceDirectory a = new SourceDirectory(client, topic, shards, group);
        try (SourceDirectory b = new SourceDirectory(client, topic, shards, group)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                a.poll(Duration.ofMillis(100));
                b.poll(Duration.ofMillis(100));
                Set<String> union = new HashSet<>(ids(a));
                union.addAll(ids(b));
                return union.size() == SOURCES && ids(a).size() + ids(b).size() == SOURCES && !ids(a).isEmpty()
                        && !ids(b).isEmpty();
            });
            assertEquals(SOURCES, a.known(), "every worker reads every source; the broken one is rejected");
            List<RawArticle> articles = new ArrayList<>();
            ArticleAssembler assembler = new ArticleAssembler(ArticleAssembler.Limits.defaults(), Clock.systemUTC());
            SourcePoller pollerA = new SourcePoller(new PageFetcher(policy, Clock.systemUTC()), assembler,
                    Clock.systemUTC());
            SourcePoller pollerB = new SourcePoller(new PageFetcher(policy, Clock.systemUTC()), assembler,
                    Clock.systemUTC());
            a.owned().forEach(s -> pollerA.pollIfDue(s).forEach(r -> articles.add(r.article())));
            b.owned().forEach(s -> pollerB.pollIfDue(s).forEach(r -> articles.add(r.article())));
            for (int i = 0; i < SOURCES; i++) {
                assertEquals(1, feedPolls.get(String.valueOf(i)).get(), "feed " + i + " polled exactly once");
            }
            // (feeds named w... belong to the worker test)
            assertEquals(SOURCES, articles.size());
            assertTrue(articles.stream().allMatch(r -> r.body().startsWith("Full text of report")),
                    "the page, not the feed's summary");
            assertTrue(articles.stream().noneMatch(r -> r.url().contains("utm_")), "canonical URLs");

            a.close();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                b.poll(Duration.ofMillis(100));
                return ids(b).size() == SOURCES;
            });
        }
    }

    @Test
    void aSourceDeletedWithATombstoneIsNoLongerPolled() throws Exception {
        String topic = "sources-" + UUID.randomUUID();
        String shards = "shards-" + UUID.randomUUID();
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(shards, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client, new StringSerializer(),
                new ByteArraySerializer());
             SourceDirectory only = new SourceDirectory(client, topic, shards, "ingest-" + UUID.randomUUID())) {
            producer.send(new ProducerRecord<>(topic, "gone", ("{\"id\":\"gone\",\"kind\":\"feed\","
                    + "\"url\":\"https://news.test/rss\"}").getBytes(StandardCharsets.UTF_8))).get();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                only.poll(Duration.ofMillis(100));
                return ids(only).equals(Set.of("gone"));
            });
            producer.send(new ProducerRecord<>(topic, "gone", null)).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                only.poll(Duration.ofMillis(100));
                return ids(only).isEmpty();
            });
        }
    }
}
