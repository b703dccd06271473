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
    }
}
