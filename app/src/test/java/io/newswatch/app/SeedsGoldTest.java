package io.newswatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.enrich.ArticleAnalyzer;
import io.newswatch.enrich.alert.AlertRuleBook;
import io.newswatch.enrich.extract.AmountExtractor;
import io.newswatch.enrich.topology.EnrichTopology;
import io.newswatch.model.ContentHash;
import io.newswatch.model.RawArticle;
import io.newswatch.model.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.io.TempDir;
import io.newswatch.enrich.tagging.RuleBook;
import io.newswatch.enrich.tagging.Tagger;
import io.newswatch.ingest.clean.ArticleCleaner;
import io.newswatch.ingest.clean.CleanArticle;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.model.Amount;
import io.newswatch.model.TagMatch;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The five source articles in ../shared/seeds, cleaned by ingest, tagged and grouped into stories by enrich, exactly
 * as gold.json says.
 */
class SeedsGoldTest {
    private static final Path SEEDS = Path.of("..", "..", "shared", "seeds");

    @Test
    void everySeedArticleIsTaggedExactlyAsGoldSays() throws IOException {
        assumeTrue(Files.isRegularFile(SEEDS.resolve("gold.json")), "../shared/seeds is not here");
        JsonNode gold = Json.MAPPER.readTree(SEEDS.resolve("gold.json").toFile());
        ArticleCleaner cleaner = ArticleCleaner.defaults();
        try (Tagger tagger = new Tagger(RuleBook.defaults())) {
            for (Iterator<Map.Entry<String, JsonNode>> it = gold.get("articles").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                CleanArticle a = cleaner.clean(Files.readString(SEEDS.resolve(entry.getKey())), Hints.NONE);
                Set<String> expected = new TreeSet<>();
                entry.getValue().get("tags").forEach(t -> expected.add(t.asText()));
                Set<String> actual = tagger.tag(a.title(), a.body(), a.lang()).stream().map(TagMatch::tag)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(expected, actual, entry.getKey());
            }
        }
    }

    @Test
    void everySeedArticleYieldsTheTitleDatelineDateAndAmountsGoldLists() throws IOException {
        assumeTrue(Files.isRegularFile(SEEDS.resolve("gold.json")), "../shared/seeds is not here");
        JsonNode gold = Json.MAPPER.readTree(SEEDS.resolve("gold.json").toFile());
        AmountExtractor amounts = new AmountExtractor();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.get("articles").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            CleanArticle a = ArticleCleaner.defaults().clean(Files.readString(SEEDS.resolve(entry.getKey())), Hints.NONE);
            Set<String> expected = new TreeSet<>();
            // Gold writes amounts by hand ("$70 billion (headline error ...)"): read them with a parser of this
            // test's own, not with the extractor under test.
            entry.getValue().get("amounts").forEach(t -> expected.add(goldAmount(t.asText())));
            JsonNode labels = entry.getValue();
            assertEquals(labels.get("title").asText(), a.title(), entry.getKey() + " title");
            if (labels.hasNonNull("dateline") && !labels.get("dateline").asText().contains("(")) {
                // The agency mark after it (". /TASS/") is kept as part of the dateline.
                assertTrue(a.dateline() != null && a.dateline().startsWith(labels.get("dateline").asText()),
                        entry.getKey() + " dateline " + a.dateline());
            }
            if (labels.hasNonNull("published_year_in_text")) {
                assertEquals(labels.get("published_year_in_text").asInt(),
                        a.publishedAt().atZone(java.time.ZoneOffset.UTC).getYear(), entry.getKey() + " year");
            } else if (a.publishedAt() != null) {
                // Gold leaves it open: a date found must at least have its year written in the text.
                String year = String.valueOf(a.publishedAt().atZone(java.time.ZoneOffset.UTC).getYear());
                assertTrue(Files.readString(SEEDS.resolve(entry.getKey())).contains(year), entry.getKey() + " year");
            }
            Set<String> found = new TreeSet<>();
            if (a.title() != null) {
                amounts.find(a.title(), "title").forEach(x -> found.add(key(x)));
            }
            amounts.find(a.body(), "body").forEach(x -> found.add(key(x)));
            assertEquals(expected, found, entry.getKey());
        }
    }

    @Test
    void theSeedArticlesFormTheStoriesGoldNames(@TempDir Path stateDir) throws IOException {
        assumeTrue(Files.isRegularFile(SEEDS.resolve("gold.json")), "../shared/seeds is not here");
        JsonNode gold = Json.MAPPER.readTree(SEEDS.resolve("gold.json").toFile());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "seeds");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Instant fetched = Instant.parse("2026-11-22T10:00:00Z");
        Map<String, String> fileById = new HashMap<>();
        Map<String, String> storyByFile = new TreeMap<>();
        try (ArticleAnalyzer analyzer = ArticleAnalyzer.defaults();
             TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(
                     io.newswatch.model.topic.Topic::name, () -> analyzer,
                     new io.newswatch.enrich.alert.LiveAlertRules(AlertRuleBook.defaults()),
                     io.newswatch.enrich.topology.EnrichOptions.defaults(), (partition, offset) -> null), props)) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(),
                    new ByteArraySerializer());
            for (Iterator<Map.Entry<String, JsonNode>> it = gold.get("articles").fields(); it.hasNext(); ) {
                String file = it.next().getKey();
                CleanArticle a = ArticleCleaner.defaults().clean(Files.readString(SEEDS.resolve(file)), Hints.NONE);
                String id = "seed-" + fileById.size();
                fileById.put(id, file);
                RawArticle article = new RawArticle(id, null, a.source(), a.title(), a.byline(), a.dateline(),
                        a.publishedAt(), fetched, a.lang(), a.body(), ContentHash.sha256(a.title() + a.body()),
                        RawArticle.SCHEMA_VERSION);
                raw.pipeInput(id, Json.writeBytes(article), fetched);
            }
            driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                    Topics.ENRICHED.valueSerde().deserializer()).readValuesToList()
                    .forEach(e -> storyByFile.put(fileById.get(e.id()), e.storyId()));
        }
        Map<String, List<String>> expected = new TreeMap<>();
        gold.get("articles").fields().forEachRemaining(e -> expected.computeIfAbsent(
                e.getValue().get("story").asText(), k -> new ArrayList<>()).add(e.getKey()));
        Map<String, List<String>> actual = new TreeMap<>();
        storyByFile.forEach((file, story) -> actual.computeIfAbsent(story, k -> new ArrayList<>()).add(file));
        assertEquals(expected.values().stream().map(List::size).sorted().toList(),
                actual.values().stream().map(List::size).sorted().toList(), actual.toString());
        assertEquals(new java.util.HashSet<>(expected.values()), new java.util.HashSet<>(actual.values()));
    }

    private static final java.util.regex.Pattern GOLD_AMOUNT = java.util.regex.Pattern.compile(
            "(\\$)?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(million|billion|trillion)\\s*(roubles|rubles|dollars)?");

    /** "70 billion roubles" → "RUB 70000000000"; "$1.23 billion" → "USD 1230000000". */
    static String goldAmount(String text) {
        java.util.regex.Matcher m = GOLD_AMOUNT.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("cannot read the gold amount " + text);
        }
        double scale = switch (m.group(3)) {
            case "million" -> 1e6;
            case "billion" -> 1e9;
            default -> 1e12;
        };
        String currency = m.group(1) != null || "dollars".equals(m.group(4)) ? "USD" : "RUB";
        return currency + " " + Math.round(Double.parseDouble(m.group(2)) * scale);
    }

    private static String key(Amount a) {
        return a.currency() + " " + Math.round(a.value());
    }
}
