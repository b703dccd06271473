package io.newswatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.newswatch.model.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the serdes write matches the JSON Schemas shipped for consumers in other languages. */
class SchemaContractTest {
    private static final Instant T = Instant.parse("2026-03-10T08:00:00Z");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix("https://newswatch.example/schemas/", "classpath:schemas/")));

    private static Set<ValidationMessage> validate(String schema, JsonNode json) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema s = FACTORY.getSchema(SchemaLocation.of("classpath:schemas/" + schema), config);
        return s.validate(json);
    }

    private static final RawArticle RAW = new RawArticle("a1", "https://news.test/a1", "Wire", "Title", null, null,
            null, T, "en", "Body text.", "abc", RawArticle.SCHEMA_VERSION);
    private static final Evidence EVIDENCE = new Evidence("csto-en", "body", 0, 4, "CSTO", "CSTO met.");

    @Test
    void rawArticleMatchesItsSchema() {
        assertEquals(Set.of(), validate("raw-article.schema.json", Json.MAPPER.valueToTree(RAW)));
    }

    @Test
    void enrichedArticleMatchesItsSchema() {
        EnrichedArticle e = EnrichedArticle.of(RAW, List.of(new TagMatch("CSTO", 1.0, List.of("csto-en"),
                List.of(EVIDENCE))), List.of(new Entity("org:csto", "organization", "CSTO", "CSTO", "body", 0, 4)),
                List.of(new Amount("$2 million", 2e6, "USD", "body", 10, 20)), "a1", null, T);
        assertEquals(Set.of(), validate("enriched-article.schema.json", Json.MAPPER.valueToTree(e)));
    }

    @Test
    void alertMatchesItsSchema() {
        Alert a = new Alert("watchlist:a1", Alert.STORY, "watchlist", "low", null, "CSTO in 1 article",
                List.of("CSTO"), "a1", List.of("a1"), 1,
                List.of("Wire"), "Title", null, "CSTO met.", List.of(EVIDENCE), T, T, 1, Alert.SCHEMA_VERSION);
        assertEquals(Set.of(), validate("alert.schema.json", Json.MAPPER.valueToTree(a)));
    }

    @Test
    void tagCountMatchesItsSchema() {
        TagCount c = new TagCount("CSTO", null, null, "P1D", T, T.plusSeconds(86400), 2, 1,
                List.of(new TagCount.SourceCount("Wire", 2)), TagCount.FINAL, T, TagCount.SCHEMA_VERSION);
        assertEquals(Set.of(), validate("tag-count.schema.json", Json.MAPPER.valueToTree(c)));
    }

    @Test
    void spikeAlertWithoutStoryMatchesItsSchema() {
        Alert a = new Alert("spike:IS:2026-03-10T08:00:00Z", Alert.SPIKE, "spike", "medium", null,
                "IS: 12 articles in the hour, usually 2", List.of("IS"), null, List.of("a1"), 12, List.of("Wire"),
                null, null, null, List.of(), T, T, 1, Alert.SCHEMA_VERSION);
        assertEquals(Set.of(), validate("alert.schema.json", Json.MAPPER.valueToTree(a)));
    }

    @Test
    void aRecordMissingARequiredFieldFailsItsSchema() {
        ObjectNode json = Json.MAPPER.valueToTree(RAW);
        json.remove("body");
        assertFalse(validate("raw-article.schema.json", json).isEmpty());
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMisspeltOrMissingFieldNoLongerValidates() {
        ObjectNode raw = Json.MAPPER.valueToTree(RAW);
        raw.set("titel", raw.remove("title"));
        assertFalse(validate("raw-article.schema.json", raw).isEmpty(), "misspelt field accepted");
        ObjectNode dropped = Json.MAPPER.valueToTree(RAW);
        dropped.remove("lang");
        assertFalse(validate("raw-article.schema.json", dropped).isEmpty(), "dropped field accepted");
    }

    @Test
    void rulesAndSourcesAsAnalystsWriteThemValidateAndTyposDoNot() {
        assertEquals(Set.of(), validate("rule.schema.json", json(
                "{\"id\":\"water-en\",\"tag\":\"WATER\",\"query\":\"\\\"water dispute\\\"~2\"}")));
        assertEquals(Set.of(), validate("rule.schema.json", json(
                "{\"id\":\"border\",\"all_of\":[\"IS\",\"TAJIK_BORDER\"],\"severity\":\"high\",\"desk\":\"central-asia\"}")));
        assertFalse(validate("rule.schema.json", json(
                "{\"id\":\"water-en\",\"tag\":\"WATER\",\"qeury\":\"water\"}")).isEmpty());
        assertEquals(Set.of(), validate("source.schema.json", json(
                "{\"id\":\"dw-ru\",\"kind\":\"feed\",\"url\":\"https://news.example/ru/rss\",\"lang\":\"ru\"}")));
        assertFalse(validate("source.schema.json", json(
                "{\"id\":\"dw-ru\",\"kind\":\"rss\",\"url\":\"https://news.example/ru/rss\"}")).isEmpty());
    }
}
