package io.newswatch.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.ingest.clean.ArticleCleaner;
import io.newswatch.ingest.clean.CleanArticle;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The source articles in ../shared/seeds: none of the boilerplate gold.json lists may be left in a body. */
class SeedsCleaningTest {
    static final Path SEEDS = Path.of("..", "..", "shared", "seeds");

    @Test
    void noListedBoilerplateIsLeftInAnyBody() throws IOException {
        assumeTrue(Files.isRegularFile(SEEDS.resolve("gold.json")), "../shared/seeds is not here");
        JsonNode gold = Json.MAPPER.readTree(SEEDS.resolve("gold.json").toFile());
        ArticleCleaner cleaner = ArticleCleaner.defaults();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.get("articles").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            CleanArticle clean = cleaner.clean(Files.readString(SEEDS.resolve(entry.getKey())), Hints.NONE);
            assertNotNull(clean.title(), entry.getKey());
            for (JsonNode phrase : entry.getValue().get("boilerplate_to_remove")) {
                assertFalse(clean.body().contains(phrase.asText()),
                        entry.getKey() + " still contains boilerplate: " + phrase.asText());
            }
        }
    }
}
