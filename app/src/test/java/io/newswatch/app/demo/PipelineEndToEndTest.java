package io.newswatch.app.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.app.support.TestKafka;
import io.newswatch.app.cli.DemoCommand;
import io.newswatch.enrich.EnrichConfig;
import io.newswatch.ingest.IngestStats;
import io.newswatch.model.dlq.DeadLetterHeaders;
import io.newswatch.sink.SinkConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three workers on a real broker: a folder in, alerts and counts in the database. */
class PipelineEndToEndTest {
    private static final String BORDER_IS = "Tajik guards fight Islamic State group at the river\n\n"
            + "Fighters of the Islamic State tried to cross the Tajik-Afghan border near the river on Monday, "
            + "officials said. Two of them were detained by the guards after a short exchange of fire.\n";
    private static final String CSTO_AID = "Bloc to arm its southern member\n\nMarch 3, 2026\n\n"
            + "Members of the CSTO agreed to supply the Tajik army with ammunition and helicopters, the bloc's "
            + "secretary general said after a meeting of defence ministers on Tuesday.\n";
    private static final String UNTAGGED = "Bread prices climb in the capital\n\nMarch 4, 2026\n\n"
            + "Flour and oil cost more in the city's markets this week, traders said, blaming a poor harvest and "
            + "higher transport costs across the region.\n";

    /** The plain per-tag counts (not per source, not per pair). */
    private static final String PER_TAG = "source = '' AND co_tag = '' AND ";

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
        s.put(EnrichConfig.STATE_DIR, work.resolve("streams").toString());
        s.put(EnrichConfig.AGGREGATE_GRACE, DemoCommand.ARCHIVE_GRACE);
        s.put(SinkConfig.GROUP_ID, unique + "-sink");
        s.put(SinkConfig.JDBC_URL, "jdbc:sqlite:" + work.resolve("newswatch.db"));
        return s;
    }

    private Path folder(Map<String, String> files) throws IOException {
        Path in = Files.createDirectories(work.resolve("in"));
        for (var f : files.entrySet()) {
            Files.writeString(in.resolve(f.getKey()), f.getValue());
        }
        // Files are only read once settled; make them old enough.
        try (var list = Files.list(in)) {
            for (Path p : list.toList()) {
                Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(0));
            }
        }
        return in;
    }

    private static Map<String, String> query(Map<String, String> settings, String sql) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(settings.get(SinkConfig.JDBC_URL));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    @Test
    void aFolderInGivesTheExactAlertsAndCountsAndASecondRunChangesNothing() throws Exception {
        Map<String, String> settings = settings("e2e");
        Path in = folder(Map.of("border.txt", BORDER_IS, "aid.txt", CSTO_AID, "bread.txt", UNTAGGED));
        try (Pipeline pipeline = new Pipeline(settings)) {
            IngestStats first = pipeline.ingestOnce(in);
            assertEquals(3, first.produced());
            pipeline.awaitQuiet(Duration.ofMinutes(2));

            Map<String, String> alerts = query(settings, "SELECT rule || ' ' || severity, article_count FROM alerts");
            assertEquals(Map.of("is-on-tajik-border high", "1", "csto-military-aid medium", "1"), alerts);
            Map<String, String> daily = query(settings,
                    "SELECT tag || ' ' || substr(window_start, 1, 10), articles FROM tag_counts WHERE " + PER_TAG + "window_size = 'P1D'");
            assertEquals("1", daily.get("CSTO 2026-03-03"));
            assertEquals("1", daily.get("MILITARY_AID 2026-03-03"));
            assertEquals(4, daily.size(), daily.toString());
            everyRecordValidates(settings);

            IngestStats second = pipeline.ingestOnce(in);
            assertEquals(0, second.produced());
            assertEquals(3, second.unchanged());
            pipeline.awaitQuiet(Duration.ofMinutes(1));
            assertEquals(alerts, query(settings, "SELECT rule || ' ' || severity, article_count FROM alerts"));
            assertEquals(daily, query(settings,
                    "SELECT tag || ' ' || substr(window_start, 1, 10), articles FROM tag_counts WHERE " + PER_TAG + "window_size = 'P1D'"));
            assertEquals(Map.of("1", "1"), query(settings, "SELECT max(version), min(version) FROM alerts"));
        }
    }

    @Test
    void badInputIsDeadLetteredWithAReasonAndEveryGoodArticleStillArrives() throws Exception {
        Map<String, String> settings = settings("bad");
        Path in = folder(Map.of("good-1.txt", BORDER_IS, "good-2.txt", CSTO_AID, "empty.txt", "",
                "broken.jsonl", "{\"title\": \"half a line\"\n"));
        Files.write(in.resolve("binary.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        Files.write(in.resolve("cyrillic.txt"), ("Пограничники задержали группу у реки\n\nПограничники Таджикистана "
                + "задержали группу нарушителей у реки Пяндж, сообщило ведомство во вторник.")
                .getBytes(java.nio.charset.Charset.forName("windows-1251")));
        try (OutputStream out = Files.newOutputStream(in.resolve("huge.txt"))) {
            byte[] line = "Twenty megabytes of the same line of text.\n".getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n < 20L * 1024 * 1024; n += line.length) {
                out.write(line);
            }
        }
        Files.setLastModifiedTime(in.resolve("huge.txt"), java.nio.file.attribute.FileTime.fromMillis(0));
        Files.setLastModifiedTime(in.resolve("binary.txt"), java.nio.file.attribute.FileTime.fromMillis(0));
        Files.setLastModifiedTime(in.resolve("cyrillic.txt"), java.nio.file.attribute.FileTime.fromMillis(0));

        try (Pipeline pipeline = new Pipeline(settings)) {
            IngestStats stats = pipeline.ingestOnce(in);
            assertEquals(3, stats.produced(), "the windows-1251 file is read like a windows-1251 page");
            assertEquals(Map.of("binary", 1L, "empty", 1L, "malformed-json", 1L, "too-large", 1L),
                    stats.rejectedByReason());

            // Malformed JSON straight onto the raw topic: enrich must dead-letter it and keep going.
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    TestKafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(settings.get("topic.raw"), "poison", "{\"id\": 42,")).get();
            }
            pipeline.awaitQuiet(Duration.ofMinutes(2));
            assertEquals(3, query(settings, "SELECT alert_id, rule FROM alerts").size(), "two good files and the "
                    + "windows-1251 one");

            Map<String, String> reasons = new TreeMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reasons.putAll(deadLetters(settings.get("topic.dlq")));
                return reasons.size() == 5;
            });
            assertTrue(reasons.get("too-large").contains("over the limit"), reasons.toString());
            assertTrue(reasons.get("binary").contains("not text"), reasons.toString());
            assertTrue(reasons.keySet().stream().anyMatch(k -> k.contains("Json")), reasons.toString());
        }
    }

    @Test
    void countsAreExactWhenArticlesOfOneWindowAreSpreadOverManyPartitions() throws Exception {
        Map<String, String> settings = settings("partitions");
        settings.put("topic.partitions", "4");
        Map<String, String> files = new HashMap<>();
        for (int i = 1; i <= 6; i++) {
            files.put("csto-" + i + ".txt", "CSTO note " + i + "\n\nMarch 6, 2026\n\nThe CSTO secretariat issued "
                    + "statement number " + i + " about staff exercises planned for the spring in Central Asia.\n");
        }
        Path in = folder(files);
        try (Pipeline pipeline = new Pipeline(settings)) {
            assertEquals(6, pipeline.ingestOnce(in).produced());
            pipeline.awaitQuiet(Duration.ofMinutes(2));
            assertEquals("6", query(settings, "SELECT tag, articles FROM tag_counts WHERE " + PER_TAG + "window_size = 'P1D' "
                    + "AND tag = 'CSTO'").get("CSTO"));
        }
    }

    @Test
    void countsAndAlertsAreTheSameWithOneAndWithFourPartitions() throws Exception {
        // Distinct reports (no copies, no shared amounts), so their stories do not depend on arrival order.
        Map<String, String> files = new HashMap<>();
        String[] places = {"Khatlon", "Panj", "Shuroobod", "Darvoz", "Vanj", "Ishkoshim", "Rushon", "Murghob"};
        java.util.Random random = new java.util.Random(3);
        String[] words = {"market", "river", "convoy", "village", "school", "bridge", "clinic", "road", "valley",
            "elders", "wheat", "truck", "station", "court", "mosque", "garden", "tunnel", "pasture", "mine", "camp"};
        for (int i = 0; i < places.length; i++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 60; w++) {
                a.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
                b.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
            }
            files.put("border-" + i + ".txt", "Clash reported near " + places[i] + "\n\nMarch " + (3 + i % 3)
                    + ", 2026\n\nFighters of the Islamic State crossed the Tajik-Afghan border near " + places[i]
                    + " before dawn, officials said. " + a + "\n");
            files.put("csto-" + i + ".txt", "Bloc meets on " + places[i] + "\n\nMarch " + (3 + i % 3) + ", 2026\n\n"
                    + "The CSTO held staff talks about the situation around " + places[i] + ". " + b + "\n");
        }
        String alerts = "SELECT alert_id, rule || ' ' || severity || ' ' || article_count FROM alerts";
        String counts = "SELECT tag || '|' || source || '|' || co_tag || '|' || window_size || '|' || window_start, "
                + "articles || ' ' || stories || ' ' || status FROM tag_counts";
        Map<String, Map<String, String>> byPartitions = new HashMap<>();
        for (String partitions : List.of("1", "4")) {
            Map<String, String> settings = settings("p" + partitions);
            settings.put("topic.partitions", partitions);
            settings.put(SinkConfig.JDBC_URL, "jdbc:sqlite:" + work.resolve("p" + partitions + ".db"));
            Path in = work.resolve("run-" + partitions).resolve("reports"); // the same source name in both runs
            Files.createDirectories(in);
            for (var f : files.entrySet()) {
                Files.writeString(in.resolve(f.getKey()), f.getValue());
                Files.setLastModifiedTime(in.resolve(f.getKey()), java.nio.file.attribute.FileTime.fromMillis(0));
            }
            try (Pipeline pipeline = new Pipeline(settings)) {
                assertEquals(files.size(), pipeline.ingestOnce(in).produced());
                pipeline.awaitQuiet(Duration.ofMinutes(2));
            }
            Map<String, String> result = new TreeMap<>();
            query(settings, alerts).forEach((k, v) -> result.put("alert " + k, v));
            query(settings, counts).forEach((k, v) -> result.put("count " + k, v));
            byPartitions.put(partitions, result);
        }
        assertEquals(byPartitions.get("1"), byPartitions.get("4"));
        assertEquals(16, byPartitions.get("1").keySet().stream().filter(k -> k.startsWith("alert ")).count(),
                byPartitions.get("1").toString());
    }

    @Test
    void aRuleAddedOnTheRulesTopicTagsArticlesWithoutARestart() throws Exception {
        Map<String, String> settings = settings("rules");
        Path in = folder(Map.of("canal.txt", "Canal talks stall\n\nMarch 5, 2026\n\nNegotiators from both "
                + "countries failed again to settle the water dispute over the border canal, officials said.\n"));
        try (Pipeline pipeline = new Pipeline(settings);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                     TestKafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(settings.get("topic.rules"), "water-en",
                    "{\"id\": \"water-en\", \"tag\": \"WATER\", \"query\": \"\\\"water dispute\\\"\"}")).get();
            producer.send(new ProducerRecord<>(settings.get("topic.rules"), "bad", "{\"id\": \"bad\", \"tag\": \"X\", "
                    + "\"query\": \"AND AND\"}")).get();
            // The rule reaches the worker through its global store; articles ingested after that carry the tag.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                pipeline.ingestOnce(in);
                pipeline.awaitQuiet(Duration.ofSeconds(30));
                boolean tagged = "1".equals(query(settings, "SELECT tag, articles FROM tag_counts WHERE " + PER_TAG + "tag = 'WATER' "
                        + "AND window_size = 'P1D'").get("WATER"));
                if (!tagged) {
                    // Not yet active when this version went through: write a new version (new text, new article).
                    Path next = in.resolve("canal-" + System.nanoTime() + ".txt");
                    Files.writeString(next, Files.readString(in.resolve("canal.txt")) + "Retry " + next.getFileName());
                    Files.setLastModifiedTime(next, java.nio.file.attribute.FileTime.fromMillis(0));
                }
                assertTrue(tagged);
            });
        }
    }

    /** Error class (or rejection code) → reason, for every dead letter on the topic. */
    private static Map<String, String> deadLetters(String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", TestKafka.bootstrapServers());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, String> out = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (int i = 0; i < 10 && records.size() < 6; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            for (ConsumerRecord<byte[], byte[]> r : records) {
                out.put(header(r, DeadLetterHeaders.ERROR_CLASS), header(r, DeadLetterHeaders.REASON));
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Every record the pipeline wrote matches the strict schema of its topic. */
    private static void everyRecordValidates(Map<String, String> settings) {
        Map<String, Object> client = Map.of("bootstrap.servers", TestKafka.bootstrapServers());
        Map<String, String> schemaByTopic = Map.of("topic.raw", "raw-article.schema.json",
                "topic.enriched", "enriched-article.schema.json", "topic.alerts", "alert.schema.json",
                "topic.aggregates", "tag-count.schema.json");
        schemaByTopic.forEach((topicKey, schema) -> {
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records =
                    io.newswatch.app.demo.TopicContents.read(client, settings.get(topicKey));
            assertTrue(!records.isEmpty(), "nothing on " + settings.get(topicKey));
            for (var r : records) {
                assertEquals(java.util.Set.of(), io.newswatch.app.support.Schemas.violations(schema, r.value()),
                        settings.get(topicKey) + ": " + r.value());
            }
        });
    }
}
