package io.newswatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.app.Main;
import io.newswatch.app.demo.SampleCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @Test
    void theBundledCorpusListsExactlyTheFilesInSamples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "samples", "articles"))) {
            List<String> onDisk = files.map(p -> "articles/" + p.getFileName()).sorted().toList();
            assertEquals(onDisk, SampleCorpus.names().stream().sorted().toList());
        }
    }

    @Test
    void demoRunsTheWholePipelineOnAnEmbeddedBrokerAndPrintsAlertsWithEvidence(@TempDir Path input)
            throws IOException {
        Files.writeString(input.resolve("a.txt"), "Islamic State fighters reach the Tajik-Afghan border\n\n"
                + "Guards said Islamic State fighters gathered on the Afghan bank of the river opposite Tajikistan "
                + "and tried to cross the Tajik-Afghan border at night.\n");
        Files.setLastModifiedTime(input.resolve("a.txt"), java.nio.file.attribute.FileTime.fromMillis(0));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.run("demo", "--input", input.toString(), "--partitions", "1");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        assertTrue(out.contains("1 articles produced"), out);
        assertTrue(out.contains("[HIGH] is-on-tajik-border"), out);
        assertTrue(out.contains("\"Islamic State\" in"), out);
        assertTrue(out.contains("IS 1  TAJIK_BORDER 1"), out);
        assertTrue(out.contains("== Console: http://127.0.0.1:"), out);
    }

    @Test
    void theReadmeShowsWhatTheDemoPrints() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```", readme.indexOf("## What the demo shows")) + 3;
        List<String> shown = readme.substring(start, readme.indexOf("```", start)).lines()
                .filter(l -> !l.isBlank() && !l.strip().equals("...")).toList();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertEquals(0, Main.run("demo"));
        } finally {
            System.setOut(original);
        }
        List<String> printed = captured.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
        for (String line : shown) {
            assertTrue(printed.contains(line.stripTrailing()), "the demo does not print: " + line);
        }
    }
}
