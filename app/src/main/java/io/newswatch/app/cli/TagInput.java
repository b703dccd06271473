package io.newswatch.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** JSON lines with {@code id}, {@code text}, optional {@code title} and {@code lang}, from a file or stdin. */
final class TagInput {
    private TagInput() {
    }

    record Line(int number, JsonNode json, String error) {
    }

    static List<Line> read(Path file) throws IOException {
        BufferedReader reader = file == null || file.toString().equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>();
        try (reader) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode json = Json.MAPPER.readTree(line);
                    if (json == null || !json.isObject() || !json.hasNonNull("text")) {
                        lines.add(new Line(n, null, "line " + n + ": expected a JSON object with \"text\""));
                    } else {
                        lines.add(new Line(n, json, null));
                    }
                } catch (IOException e) {
                    lines.add(new Line(n, null, "line " + n + ": malformed JSON: "
                            + e.getMessage().lines().findFirst().orElse("")));
                }
            }
        }
        return lines;
    }

    static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
