package io.newswatch.app.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.app.cli.DemoCommand;
import io.newswatch.app.support.TestKafka;
import io.newswatch.enrich.EnrichConfig;
import io.newswatch.ingest.IngestStats;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import io.newswatch.model.dlq.DeadLetterHeaders;
import io.newswatch.model.json.Json;
import io.newswatch.sink.SinkConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worst the open web and careless producers send, generated here, on the real broker: each bad input ends in
 * the dead-letter topic with a reason a person can read, and every good article around it still arrives.
 */
class HostileInputTest {
    private static final String GOOD = "Guards repel a raid on the river\n\nMarch 9, 2026\n\nFighters of the Islamic "
            + "State tried to cross the Tajik-Afghan border near the river on Monday, officials said, and two of them "
            + "were detained after a short exchange of fire. Report number ";

    @TempDir
    Path work;

    private Map<String, String> settings(String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", TestKafka.bootstrapServers());
        s.put("topic.partitions", "2");
        for (String topic : List.of("raw", "enriched", "alerts", "aggregates", "rules", "dlq")) {
            s.put("topic." + topic, unique + "." + topic);
        }
        s.put(EnrichConfig.APPLICATION_ID, unique + "-enrich");
        s.put(EnrichConfig.STATE_DIR, work.resolve("streams-" + unique).toString());
        s.put(EnrichConfig.AGGREGATE_GRACE, DemoCommand.ARCHIVE_GRACE);
        s.put(SinkConfig.GROUP_ID, unique + "-sink");
        s.put(SinkConfig.JDBC_URL, "jdbc:sqlite:" + work.resolve(unique + ".db"));
        return s;
    }

    private static Map<String, Object> client() {
        return Map.of("bootstrap.servers", TestKafka.bootstrapServers());
    }

    private Path file(Path folder, String name, byte[] content) throws IOException {
        Path f = folder.resolve(name);
        Files.write(f, content);
        Files.setLastModifiedTime(f, FileTime.fromMillis(0)); // settled long ago: read at once
        return f;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Reason by origin (the input's path or topic/partition/offset) of every dead letter on the topic. */
    private static Map<String, String> deadLetters(String topic) {
        Map<String, String> out = new TreeMap<>();
        for (ConsumerRecord<String, String> r : TopicContents.read(client(), topic)) {
            out.put(header(r, DeadLetterHeaders.ORIGIN), header(r, DeadLetterHeaders.ERROR_CLASS) + ": "
                    + header(r, DeadLetterHeaders.REASON));
        }
        return out;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Set<String> enrichedIds(String topic) {
        return TopicContents.read(client(), topic).stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    @Test
    void noHostileFileStopsIngestAndEveryGoodArticleArrives() throws Exception {
        Map<String, String> settings = settings("files");
        Path in = Files.createDirectories(work.resolve("hostile"));
        file(in, "deep.html", utf8("<html><body>" + "<div>".repeat(100_000) + "Deep." + "</div>".repeat(100_000)
                + "</body></html>"));
        StringBuilder links = new StringBuilder("<html><body><div>");
        for (int i = 0; i < 100_000; i++) {
            links.append("<a href='/p").append(i).append("'>page ").append(i).append("</a> ");
        }
        file(in, "links.html", utf8(links + "</div></body></html>"));
        file(in, "archive.txt", new byte[] {'P', 'K', 3, 4, 20, 0, 8, 0, 8, 0, 1, 2, 3});
        file(in, "chrome-only.html", utf8("<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
                + "<footer>© Steppe Monitor</footer></body></html>"));
        file(in, "nul-title.html", utf8("<html><head><title>Border\u0000 raid \u202Erepelled</title></head><body>"
                + "<article><p>" + GOOD.substring(GOOD.indexOf("Fighters")) + "zero.</p></article></body></html>"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(utf8("<html><body><article><p>" + GOOD.substring(GOOD.indexOf("Fighters")) + "gzip.</p>"
                    + "</article></body></html>"));
        }
        file(in, "packed.html", gz.toByteArray());
        file(in, "amounts.txt", utf8("Budget lines\n\nMarch 9, 2026\n\n"
                + "The CSTO paid $12 million, then 40 billion roubles, then 7 million euros. ".repeat(2_500)));
        for (int i = 1; i <= 3; i++) {
            file(in, "good-" + i + ".txt", utf8(GOOD + i + "."));
        }
        try (Pipeline pipeline = new Pipeline(settings)) {
            IngestStats stats = pipeline.ingestOnce(in);
            // A page of a hundred thousand links has no article: its link blocks are dropped, not the page cut.
            assertEquals(Map.of("compressed", 1L, "no-text", 2L, "too-complex", 1L),
                    stats.rejectedByReason(), stats.toString());
            assertEquals(6, stats.produced(), "3 good files, the gzip page, the NUL title, the amounts");
            pipeline.awaitQuiet(Duration.ofMinutes(2));

            Map<String, String> reasons = deadLetters(settings.get("topic.dlq"));
            assertTrue(reasons.get(in.resolve("deep.html").toString()).contains("deep, over the limit"), reasons.toString());
            assertTrue(reasons.get(in.resolve("archive.txt").toString()).contains("zip archive"), reasons.toString());
            assertTrue(reasons.get(in.resolve("chrome-only.html").toString()).contains("no article text"),
                    reasons.toString());
            assertTrue(reasons.get(in.resolve("links.html").toString()).contains("no article text"),
                    reasons.toString());

            List<EnrichedArticle> enriched = TopicContents.read(client(), settings.get("topic.enriched")).stream()
                    .map(r -> read(r.value())).toList();
            assertEquals(6, enriched.size(), "every produced article is enriched");
            EnrichedArticle amounts = enriched.stream().filter(a -> "Budget lines".equals(a.title())).findFirst()
                    .orElseThrow();
            assertTrue(amounts.amounts().size() <= 100, "bounded: " + amounts.amounts().size());
            try (Connection c = DriverManager.getConnection(settings.get(SinkConfig.JDBC_URL));
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT title FROM alerts")) {
                while (rs.next()) {
                    String title = rs.getString(1);
                    assertFalse(title != null && (title.contains("\u0000") || title.contains("\u202E")), title);
                }
            }
        }
    }

    private static EnrichedArticle read(String json) {
        try {
            return Json.read(json, EnrichedArticle.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void enrichDeadLettersWhatItCannotReadOrWriteAndKeepsGoing() throws Exception {
        Map<String, String> settings = settings("raw");
        // The operator's broker takes smaller records on the enriched topic than enrich's default: enrich reads the
        // topic's limit at start-up and dead-letters what would not fit, instead of having the broker refuse it (which
        // would abort the exactly-once transaction).
        try (Admin admin = Admin.create(client())) {
            admin.createTopics(List.of(new NewTopic(settings.get("topic.enriched"), 2, (short) 1)
                    .configs(Map.of("max.message.bytes", "60000")))).all().get();
        }
        String raw = settings.get("topic.raw");
        Instant t = Instant.parse("2026-03-09T08:00:00Z");
        try (Pipeline pipeline = new Pipeline(settings);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client(), new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            RawArticle big = article("big", GOOD + "big. " + randomWords(120_000), t);
            producer.send(record(raw, "big", Json.writeBytes(big))).get();
            producer.send(record(raw, "null", utf8("null"))).get();
            producer.send(record(raw, "k".repeat(100_000), Json.writeBytes(article("k", GOOD + "k.", t)))).get();
            producer.send(record(raw, "broken", utf8("{\"id\": \"broken\", \"body\": [1, 2"))).get();
            for (int i = 1; i <= 3; i++) {
                RawArticle good = article("good-" + i, GOOD + i + ".", t);
                producer.send(record(raw, good.id(), Json.writeBytes(good))).get();
            }
            pipeline.awaitQuiet(Duration.ofMinutes(2));
            assertEquals(Set.of("good-1", "good-2", "good-3"), enrichedIds(settings.get("topic.enriched")));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<String> reasons = new ArrayList<>(deadLetters(settings.get("topic.dlq")).values());
                assertTrue(reasons.stream().anyMatch(r -> r.contains("value is JSON null")), reasons.toString());
                assertTrue(reasons.stream().anyMatch(r -> r.contains("over enrich.max.record.bytes (60000)")),
                        reasons.toString());
                assertTrue(reasons.stream().anyMatch(r -> r.contains("is not the article id")), reasons.toString());
                assertEquals(4, reasons.size(), reasons.toString());
            });
            assertEquals(KafkaStreams.State.RUNNING, pipeline.enrichState());
        }
    }

    /** Text that does not compress away, so the broker sees its real size. */
    private static String randomWords(int words) {
        Random random = new Random(1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            for (int c = 2 + random.nextInt(8); c > 0; c--) {
                out.append((char) ('a' + random.nextInt(26)));
            }
            out.append(i % 17 == 16 ? ". " : " ");
        }
        return out.toString();
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static RawArticle article(String id, String body, Instant published) {
        return new RawArticle(id, "https://news.test/" + id, "Test Wire", "Report " + id, null, null, published,
                published, "en", body, "hash-" + id + "-" + body.hashCode(), RawArticle.SCHEMA_VERSION);
    }

    @Test
    void aBackfillInAnyOrderEndsWithTheSameCounts() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Instant published = Instant.parse("2026-02-01T06:00:00Z").plus(Duration.ofHours(9L * i + i % 4));
            lines.add(Json.write(Map.of("url", "https://archive.test/a" + i, "title", "Archive report " + i,
                    "published_at", published.toString(), "source", i % 3 == 0 ? "Wire A" : "Wire B",
                    "text", GOOD.substring(GOOD.indexOf("Fighters")) + i + ".")));
        }
        Map<String, String> inOrder = countsAfter(lines, "in-order");
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(7));
        Map<String, String> outOfOrder = countsAfter(shuffled, "shuffled");
        assertEquals(inOrder, outOfOrder);
        assertEquals(24, inOrder.entrySet().stream().filter(e -> e.getKey().startsWith("IS||PT1H")
                        && e.getKey().endsWith("|"))
                .mapToInt(e -> Integer.parseInt(e.getValue())).sum(), inOrder.toString());
    }

    /** Every count row (key → articles) after ingesting the lines in this order, with a one-hour grace. */
    private Map<String, String> countsAfter(List<String> lines, String name) throws Exception {
        Map<String, String> settings = settings(name);
        settings.put(EnrichConfig.AGGREGATE_GRACE, "PT1H");
        Path in = Files.createDirectories(work.resolve(name));
        file(in, "archive.jsonl", utf8(String.join("\n", lines)));
        try (Pipeline pipeline = new Pipeline(settings)) {
            assertEquals(lines.size(), pipeline.ingestOnce(in).produced());
            pipeline.awaitQuiet(Duration.ofMinutes(2));
        }
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(settings.get(SinkConfig.JDBC_URL));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tag || '|' || source || '|' || window_size || '|' || window_start "
                     + "|| '|' || co_tag, articles FROM tag_counts")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
