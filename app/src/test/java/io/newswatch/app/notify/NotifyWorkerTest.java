package io.newswatch.app.notify;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.app.demo.TopicContents;
import io.newswatch.app.support.TestKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.json.Json;
import io.newswatch.sink.db.Database;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notify worker on the broker against receivers on loopback: a webhook that fails twice (500, then 429 with
 * Retry-After) before it takes the alert, a chat hook, and a dead endpoint. Each version that matters arrives once,
 * signed; the dead endpoint's alert is dead-lettered and holds nothing up; a replay sends nothing again.
 */
class NotifyWorkerTest {
    private static final String SECRET = "s3cret-for-the-asia-desk";
    private static final Instant T = Instant.parse("2026-03-10T08:00:00Z");

    @TempDir
    Path dir;
    private HttpServer receivers;
    private final List<String> hookKeys = new CopyOnWriteArrayList<>();
    private final List<String> hookSignatures = new CopyOnWriteArrayList<>();
    private final List<String> hookBodies = new CopyOnWriteArrayList<>();
    private final List<String> chatTexts = new CopyOnWriteArrayList<>();
    private final AtomicInteger hookCalls = new AtomicInteger();
    private final AtomicInteger deadCalls = new AtomicInteger();

    private static void answer(HttpExchange ex, int status, Map<String, String> headers) throws IOException {
        ex.getRequestBody().readAllBytes();
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @BeforeEach
    void startReceivers() throws IOException {
        receivers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receivers.createContext("/hook", ex -> {
            int call = hookCalls.incrementAndGet();
            if (call == 1) {
                answer(ex, 500, Map.of());
            } else if (call == 2) {
                answer(ex, 429, Map.of("Retry-After", "1"));
            } else {
                hookBodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                hookKeys.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
                hookSignatures.add(ex.getRequestHeaders().getFirst("X-Newswatch-Signature"));
                answer(ex, 200, Map.of());
            }
        });
        receivers.createContext("/chat", ex -> {
            chatTexts.add(Json.MAPPER.readTree(ex.getRequestBody().readAllBytes()).get("text").asText());
            answer(ex, 200, Map.of());
        });
        receivers.createContext("/dead", ex -> {
            deadCalls.incrementAndGet();
            answer(ex, 503, Map.of());
        });
        receivers.start();
    }

    @AfterEach
    void stopReceivers() {
        receivers.stop(0);
    }

    private static Alert alert(String id, String desk, String severity, int count, int version) {
        return new Alert(id, Alert.STORY, "rule", severity, desk, "IS + TAJIK_BORDER in " + count + " articles",
                List.of("IS"), "s-" + id, List.of("a"), count, List.of("Wire"), "Clash on the border <b>", null,
                "Guards on the Tajik-Afghan border reported it.", List.of(new Evidence("r", "body", 10, 29,
                "Tajik-Afghan border", "Guards on the Tajik-Afghan border reported it.")), T,
                T.plusSeconds(version), version, Alert.SCHEMA_VERSION);
    }

    private NotifyWorker worker(String unique, String db, String group) {
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", TestKafka.bootstrapServers());
        s.put("topic.alerts", unique + ".alerts");
        s.put("topic.dlq", unique + ".dlq");
        s.put(NotifyConfig.GROUP_ID, group);
        s.put(NotifyConfig.MAX_ATTEMPTS, "3");
        s.put(NotifyConfig.RETRY_BACKOFF, "PT0.05S");
        String base = "http://127.0.0.1:" + receivers.getAddress().getPort();
        List<Channel> channels = List.of(new Channel("central-asia", "webhook", URI.create(base + "/hook"), SECRET),
                new Channel("central-asia", "chat", URI.create(base + "/chat"), null),
                new Channel("watch", "webhook", URI.create(base + "/dead"), "another-secret"));
        NotifyConfig config = new NotifyConfig(s);
        return new NotifyWorker(config, channels, NotifyWorker.ledger(db, new Properties(), config.updateEvery()),
                Clock.systemUTC());
    }

    @Test
    void eachVersionThatMattersArrivesOnceSignedAndADeadEndpointIsDeadLetteredWithoutHoldingTheDesk()
            throws Exception {
        String unique = "notify-" + UUID.randomUUID().toString().substring(0, 8);
        String db = "jdbc:sqlite:" + dir.resolve("notify.db");
        new Database(db, null, null).close();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(unique + ".alerts.central-asia", 1, (short) 1),
                    new NewTopic(unique + ".alerts.watch", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            String asia = unique + ".alerts.central-asia";
            producer.send(new ProducerRecord<>(unique + ".alerts.watch", "w", Json.writeBytes(alert("w", "watch",
                    "high", 1, 1))));
            producer.send(new ProducerRecord<>(asia, "a", Json.writeBytes(alert("a", "central-asia", "medium", 1, 1))));
            // One more article: not worth a message. Then the severity rises: worth one.
            producer.send(new ProducerRecord<>(asia, "a", Json.writeBytes(alert("a", "central-asia", "medium", 2, 2))));
            producer.send(new ProducerRecord<>(asia, "a", Json.writeBytes(alert("a", "central-asia", "high", 3, 3))));
        }
        NotifyWorker first = worker(unique, db, unique + "-notify");
        Thread loop = new Thread(first, "notify");
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> hookKeys.size() == 2 && chatTexts.size() == 2
                    && first.deadLettered() == 1);
        } finally {
            first.close();
            loop.join(30_000);
        }
        assertEquals(List.of("a:1", "a:3"), hookKeys, "versions 1 and 3, once each, after a 500 and a 429");
        assertEquals(3, deadCalls.get(), "the dead endpoint was tried notify.max.attempts times");
        String[] signature = hookSignatures.get(0).split(",");
        String ts = signature[0].substring(2);
        assertEquals("v1=" + Delivery.sign(SECRET, ts + "." + hookBodies.get(0)), signature[1],
                "a receiver with the secret can verify the body");
        assertTrue(chatTexts.get(1).startsWith("*[HIGH] Clash on the border <b>*"), chatTexts.get(1));
        assertEquals(1, TopicContents.read(Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                unique + ".dlq").size());

        // The same records read again by a fresh group: the ledger knows they were delivered.
        NotifyWorker replay = worker(unique, db, unique + "-replay");
        Thread again = new Thread(replay, "notify-replay");
        again.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> replay.deadLettered() == 1);
        } finally {
            replay.close();
            again.join(30_000);
        }
        assertEquals(2, hookKeys.size(), "nothing delivered twice");
        assertEquals(2, chatTexts.size());
    }

    @Test
    void aMutedStoryReceivesNothingWhileTheMuteLasts() throws Exception {
        String unique = "mute-" + UUID.randomUUID().toString().substring(0, 8);
        String db = "jdbc:sqlite:" + dir.resolve("mute.db");
        new Database(db, null, null).close();
        new io.newswatch.app.serve.AlertQueries(db, new Properties()).mute("story", "s-quiet",
                Instant.now().plusSeconds(3600), "central-asia", "known exercise", Instant.now());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(unique + ".alerts.central-asia", 1, (short) 1))).all().get();
        }
        hookCalls.set(2); // the webhook takes everything from the first call
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            String asia = unique + ".alerts.central-asia";
            producer.send(new ProducerRecord<>(asia, "quiet", Json.writeBytes(alert("quiet", "central-asia", "high", 1,
                    1))));
            producer.send(new ProducerRecord<>(asia, "loud", Json.writeBytes(alert("loud", "central-asia", "high", 1,
                    1))));
        }
        NotifyWorker worker = worker(unique, db, unique + "-notify");
        Thread loop = new Thread(worker, "notify");
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> hookKeys.contains("loud:1") && chatTexts.size() == 1);
        } finally {
            worker.close();
            loop.join(30_000);
        }
        assertEquals(List.of("loud:1"), hookKeys, "the muted story's alert went nowhere");
    }
}
