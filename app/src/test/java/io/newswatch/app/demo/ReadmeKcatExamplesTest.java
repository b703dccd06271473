package io.newswatch.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswatch.app.cli.DemoCommand;
import io.newswatch.app.support.TestKafka;
import io.newswatch.enrich.EnrichConfig;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.json.Json;
import io.newswatch.sink.SinkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's kcat lines for the rules and sources topics, run as written (with this test's broker and topic names)
 * by the real kcat: a rule added that way tags articles, and a rule or source deleted that way stays deleted when a
 * worker starts again, for every kind of key, {@code alert:<id>} included. Skipped where kcat is not installed
 * ({@code .ci/run} installs it).
 */
class ReadmeKcatExamplesTest {
    @TempDir
    Path work;

    private static boolean kcatInstalled() {
        try {
            return new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The README's indented kcat lines that write to the rules or sources topic, in README order. */
    private static List<String> readmeLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
            String command = line.strip();
            if (line.startsWith("    ") && command.startsWith("kcat ") && command.contains(" -P ")
                    && (command.contains("newswatch.rules") || command.contains("newswatch.sources"))) {
                lines.add(command);
            }
        }
        return lines;
    }

    private static void run(String command, Map<String, String> names) throws Exception {
        String resolved = command.replace("HOST:PORT", TestKafka.bootstrapServers());
        for (var name : names.entrySet()) {
            resolved = resolved.replace(name.getKey(), name.getValue());
        }
        Process p = new ProcessBuilder("bash", "-c", resolved).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "kcat did not finish: " + resolved);
        assertEquals(0, p.exitValue(), resolved + "\n" + output);
    }

    private Path article(String name, String text) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        Path file = folder.resolve(name + ".txt");
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));
        return folder;
    }

    @Test
    void rulesAndSourcesAddedAndDeletedWithTheReadmesKcatLinesBehave() throws Exception {
        assumeTrue(kcatInstalled(), "kcat is not installed (apt-get install kcat)");
        List<String> lines = readmeLines();
        assertTrue(lines.size() >= 6, "the README shows adding and deleting rules, alert rules and sources: " + lines);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", TestKafka.bootstrapServers());
        for (String topic : List.of("raw", "enriched", "alerts", "aggregates", "rules", "sources", "dlq")) {
            settings.put("topic." + topic, unique + "." + topic);
        }
        settings.put(EnrichConfig.APPLICATION_ID, unique + "-enrich");
        settings.put(EnrichConfig.STATE_DIR, work.resolve("streams").toString());
        settings.put(EnrichConfig.AGGREGATE_GRACE, DemoCommand.ARCHIVE_GRACE);
        settings.put(SinkConfig.GROUP_ID, unique + "-sink");
        settings.put(SinkConfig.JDBC_URL, "jdbc:sqlite:" + work.resolve("newswatch.db"));
        Map<String, String> names = new LinkedHashMap<>();
        names.put("newswatch.rules", settings.get("topic.rules"));
        names.put("newswatch.sources", settings.get("topic.sources"));
        String water = "Canal talks stall\n\nMarch 5, 2026\n\nNegotiators failed again to settle the water disputes "
                + "over the border canal, officials said on Thursday after the talks.\n";

        try (Pipeline pipeline = new Pipeline(settings)) { // creates the topics, with one partition for the rules
            for (String line : lines) {
                if (!line.contains(" -Z ")) {
                    run(line, names);
                }
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                pipeline.ingestOnce(article("water-" + System.nanoTime(), water + System.nanoTime()));
                pipeline.awaitQuiet(Duration.ofSeconds(30));
                return TopicContents.read(Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                        settings.get("topic.enriched")).stream().map(r -> read(r.value()))
                        .anyMatch(a -> a.tagNames().contains("WATER"));
            });
            for (String line : lines) {
                if (line.contains(" -Z ")) {
                    run(line, names);
                }
            }
        }

        Map<String, Object> client = Map.of("bootstrap.servers", TestKafka.bootstrapServers());
        for (String topic : List.of(settings.get("topic.rules"), settings.get("topic.sources"))) {
            Map<String, String> latest = new HashMap<>();
            List<ConsumerRecord<String, String>> records = TopicContents.read(client, topic);
            records.forEach(r -> latest.put(r.key(), r.value()));
            assertTrue(records.stream().allMatch(r -> r.partition() == 0), "one partition: " + topic);
            latest.forEach((key, value) -> assertNull(value, key + " deleted on " + topic));
            assertTrue(latest.containsKey("alert:border") || topic.endsWith("sources"), latest.toString());
        }

        try (Pipeline restarted = new Pipeline(settings)) {
            Path folder = article("after-delete", water + "After the delete.");
            assertEquals(1, restarted.ingestOnce(folder).produced());
            restarted.awaitQuiet(Duration.ofMinutes(1));
            List<EnrichedArticle> all = TopicContents.read(client, settings.get("topic.enriched")).stream()
                    .map(r -> read(r.value())).toList();
            EnrichedArticle last = all.stream().filter(a -> a.body().contains("After the delete")).findFirst()
                    .orElseThrow();
            assertTrue(last.tags().isEmpty(), "a restarted worker does not bring a deleted rule back: " + last.tags());
        }
    }

    private static EnrichedArticle read(String json) {
        try {
            return Json.read(json, EnrichedArticle.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
