package io.newswatch.enrich.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RuleEvaluationTest {
    private static final Tagger TAGGER = new Tagger(RuleBook.defaults());

    @AfterAll
    static void close() {
        TAGGER.close();
    }

    @Test
    void countsHitsMissesAndFalseAlarmsPerTagAndExplainsTheFalseAlarm() {
        List<RuleEvaluation.Labelled> texts = List.of(
                new RuleEvaluation.Labelled("hit", null, "CSTO ministers met in Minsk.", "en", Set.of("CSTO")),
                new RuleEvaluation.Labelled("miss", null, "The bloc's ministers met in Minsk.", "en", Set.of("CSTO")),
                new RuleEvaluation.Labelled("alarm", null, "CSTO ministers met in Minsk.", "en", Set.of()));
        RuleEvaluation.Report report = RuleEvaluation.evaluate(TAGGER, texts);
        RuleEvaluation.TagScore csto = report.scores().get("CSTO");
        assertEquals(1, csto.truePositives());
        assertEquals(1, csto.falsePositives());
        assertEquals(1, csto.falseNegatives());
        assertEquals(0.5, csto.f1(), 1e-9);
        RuleEvaluation.Error alarm = report.errors().stream().filter(RuleEvaluation.Error::falseAlarm).findFirst()
                .orElseThrow();
        assertEquals("alarm", alarm.id());
        assertEquals("CSTO", alarm.evidence().get(0).text());
        assertTrue(report.errors().stream().anyMatch(e -> e.id().equals("miss") && !e.falseAlarm()));
    }

    /** The quality bar on real labelled news text (../shared/tagging-dev): F1 of at least 0.95 for every tag. */
    @Test
    void defaultRulesReachTheQualityBarOnTheDevSet() throws IOException {
        Path dev = Path.of("..", "..", "shared", "tagging-dev", "dev.jsonl");
        assumeTrue(Files.isRegularFile(dev), "../shared/tagging-dev is not here");
        List<RuleEvaluation.Labelled> texts = new ArrayList<>();
        for (String line : Files.readAllLines(dev)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json = Json.MAPPER.readTree(line);
            Set<String> gold = new TreeSet<>();
            json.get("gold_tags").forEach(t -> gold.add(t.asText()));
            texts.add(new RuleEvaluation.Labelled(json.get("id").asText(), null, json.get("text").asText(),
                    json.get("lang").asText(), gold));
        }
        RuleEvaluation.Report report = RuleEvaluation.evaluate(TAGGER, texts);
        assertFalse(report.scores().isEmpty());
        report.scores().values().forEach(s -> assertTrue(s.f1() >= 0.95, s + " errors: " + report.errors()));
    }
}
