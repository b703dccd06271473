package io.newswatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.enrich.extract.AmountExtractor;
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

/** The five source articles in ../shared/seeds, cleaned by ingest and tagged by enrich, exactly as gold.json says. */
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
    void everySeedArticleYieldsTheAmountsGoldLists() throws IOException {
        assumeTrue(Files.isRegularFile(SEEDS.resolve("gold.json")), "../shared/seeds is not here");
        JsonNode gold = Json.MAPPER.readTree(SEEDS.resolve("gold.json").toFile());
        AmountExtractor amounts = new AmountExtractor();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.get("articles").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            CleanArticle a = ArticleCleaner.defaults().clean(Files.readString(SEEDS.resolve(entry.getKey())), Hints.NONE);
            Set<String> expected = new TreeSet<>();
            // Gold writes amounts as text ("$70 billion (headline error ...)"): read its first amount the same way.
            entry.getValue().get("amounts").forEach(t -> expected.add(key(amounts.find(t.asText(), "gold").get(0))));
            Set<String> found = new TreeSet<>();
            if (a.title() != null) {
                amounts.find(a.title(), "title").forEach(x -> found.add(key(x)));
            }
            amounts.find(a.body(), "body").forEach(x -> found.add(key(x)));
            assertEquals(expected, found, entry.getKey());
        }
    }

    private static String key(Amount a) {
        return a.currency() + " " + (long) a.value();
    }
}
