package io.newswatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.json.Json;
import io.newswatch.ingest.assemble.ArticleAssembler;
import io.newswatch.ingest.assemble.ArticleInput;
import io.newswatch.ingest.assemble.Assembled;
import io.newswatch.ingest.clean.Hints;
import java.io.IOException;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The quality gate on ../shared/extraction-dev: body F1 over 4-word shingles, as its scorer computes it (corpus
 * precision and recall are means over pages). Skipped when the folder is not there.
 */
class ExtractionDevSetTest {
    private static final Path DEV = Path.of("..", "..", "shared", "extraction-dev");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    /** Measured 0.974 when set; the gate leaves room for noise, not for a regression. */
    private static final double MIN_F1 = 0.97;

    @Test
    void bodyF1OnTheDevPagesStaysAboveTheGate() throws IOException {
        assumeTrue(Files.isRegularFile(DEV.resolve("ground-truth.json")), "../shared/extraction-dev is not here");
        JsonNode truth = Json.MAPPER.readTree(DEV.resolve("ground-truth.json").toFile());
        ArticleAssembler assembler = new ArticleAssembler(ArticleAssembler.Limits.defaults(), Clock.systemUTC());
        double precision = 0;
        int predicted = 0;
        double recall = 0;
        int pages = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> page = it.next();
            Path html = DEV.resolve("html").resolve(page.getKey() + ".html");
            Map<String, Integer> expected = shingles(page.getValue().get("articleBody").asText());
            Assembled assembled = assembler.assemble(ArticleInput.ofBytes(html.toString(), null, null,
                    Files.readAllBytes(html), Hints.NONE, "dev"));
            Map<String, Integer> got = shingles(assembled.ok() ? assembled.article().body() : "");
            int overlap = 0;
            for (var e : got.entrySet()) {
                overlap += Math.min(e.getValue(), expected.getOrDefault(e.getKey(), 0));
            }
            int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
            int expectedTotal = expected.values().stream().mapToInt(Integer::intValue).sum();
            if (gotTotal > 0) {
                precision += (double) overlap / gotTotal;
                predicted++;
            }
            recall += expectedTotal == 0 ? 1 : (double) overlap / expectedTotal;
            pages++;
        }
        double p = precision / Math.max(1, predicted);
        double r = recall / pages;
        double f1 = 2 * p * r / (p + r);
        assertTrue(f1 >= MIN_F1, String.format("body F1 %.3f (precision %.3f, recall %.3f) on %d pages", f1, p, r,
                pages));
    }

    private static Map<String, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            out.merge(String.join(" ", tokens.subList(i, i + 4)), 1, Integer::sum);
        }
        if (tokens.size() < 4 && !tokens.isEmpty()) {
            out.merge(String.join(" ", tokens), 1, Integer::sum);
        }
        return out;
    }
}
