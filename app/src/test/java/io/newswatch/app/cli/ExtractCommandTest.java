package io.newswatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.app.Main;
import io.newswatch.model.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    @Test
    void printsOneJsonLinePerInputAndAnErrorLineForWhatItCannotRead(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<html lang=\"en\"><head><title>Raid repelled</title></head><body><nav>Home</nav>"
                + "<article><p>Guards on the southern border fought off an armed group overnight, the border service "
                + "said, and nobody on its side was hurt.</p></article></body></html>");
        Path empty = Files.createFile(dir.resolve("empty.html"));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.run("extract", page.toString(), empty.toString(), dir.resolve("missing.html").toString());
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertEquals(page.toString(), first.get("input").asText());
        assertEquals("Raid repelled", first.get("title").asText());
        assertEquals("en", first.get("lang").asText());
        assertTrue(first.get("body").asText().startsWith("Guards on the southern border"));
        assertTrue(first.get("elapsed_ms").asDouble() >= 0);
        assertEquals("input is empty", Json.MAPPER.readTree(lines.get(1)).get("error").asText());
        assertEquals("empty", Json.MAPPER.readTree(lines.get(1)).get("code").asText());
        assertTrue(Json.MAPPER.readTree(lines.get(2)).get("error").asText().startsWith("not a readable file"));
        assertEquals(1, exit, "a failed input makes the exit status 1, after every input was tried");
    }

    @Test
    void answersAPathologicalPageWithAnErrorLineAtOnce(@TempDir Path dir) throws Exception {
        Path deep = dir.resolve("deep.html");
        Files.writeString(deep, "<html><body>" + "<div>".repeat(100_000) + "Deep." + "</div>".repeat(100_000)
                + "</body></html>");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.run("extract", deep.toString());
        } finally {
            System.setOut(original);
        }
        JsonNode line = Json.MAPPER.readTree(captured.toString(StandardCharsets.UTF_8).strip());
        assertEquals("too-complex", line.get("code").asText());
        assertTrue(line.get("error").asText().contains("deep"), line.toString());
        assertEquals(1, exit);
    }
}
