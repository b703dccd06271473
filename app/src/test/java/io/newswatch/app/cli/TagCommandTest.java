package io.newswatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.app.Main;
import io.newswatch.model.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagCommandTest {
    private static List<String> run(String... args) {
        return run(0, args);
    }

    private static List<String> run(int exitCode, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertEquals(exitCode, Main.run(args));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void tagPrintsOneLinePerInputWithTagsAndEvidenceAndAnErrorForABadLine(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id": "1", "title": "Drills on the frontier", "text": "Guards patrolled the Tajik-Afghan border.", "lang": "en"}
                {"id": "2", "text": "Bread prices rose in the capital."}
                {"id": "3", "text":
                """);
        List<String> lines = run(1, "tag", in.toString());
        assertEquals(3, lines.size());
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertEquals("1", first.get("id").asText());
        assertEquals("TAJIK_BORDER", first.get("tags").get(0).get("tag").asText());
        assertEquals("Tajik-Afghan border", first.get("tags").get(0).get("evidence").get(0).get("text").asText());
        assertEquals(0, Json.MAPPER.readTree(lines.get(1)).get("tags").size());
        assertTrue(Json.MAPPER.readTree(lines.get(2)).get("error").asText().contains("line 3"));
    }

    @Test
    void evalRulesPrintsPerTagScoresAndListsEveryMiss(@TempDir Path dir) throws IOException {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, """
                {"id": "g1", "text": "CSTO ministers met in Minsk.", "lang": "en", "gold_tags": ["CSTO"]}
                {"id": "g2", "text": "The bloc's ministers met.", "lang": "en", "gold_tags": ["CSTO"]}
                """);
        List<String> out = run("eval-rules", "--gold", gold.toString());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("CSTO") && l.contains("1.000") && l.contains("0.500")), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("MISS") && l.contains("g2")), out.toString());
    }
}
