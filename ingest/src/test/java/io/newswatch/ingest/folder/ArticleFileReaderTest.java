package io.newswatch.ingest.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.assemble.ArticleInput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFileReaderTest {
    @Test
    void aMalformedJsonLineIsRejectedAndTheOtherLinesStillCount(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("batch.jsonl");
        Files.writeString(file, """
                {"url": "https://example.test/a", "title": "First", "text": "First body."}
                {"url": "https://example.test/b", "title": "Broken", "text": "no closing brace"
                {"title": "No text at all"}
                {"url": "https://example.test/c", "html": "<p>Third body.</p>"}
                """);
        ArticleFileReader.Result result = new ArticleFileReader(1 << 20).read(file, "folder");
        assertEquals(2, result.inputs().size());
        assertEquals(2, result.rejections().size());
        assertEquals("malformed-json", result.rejections().get(0).code());
        assertTrue(result.rejections().get(0).origin().endsWith("batch.jsonl:2"));
        assertEquals("no-text", result.rejections().get(1).code());
        assertEquals(ArticleInput.HTML, result.inputs().get(1).contentType());
        assertEquals("First", result.inputs().get(0).hints().title());
    }

    @Test
    void aFileOverTheLimitIsRejectedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.txt");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = "A line of text that repeats and repeats.\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 20L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        ArticleFileReader.Result result = new ArticleFileReader(10 * 1024 * 1024).read(big, "folder");
        assertEquals(0, result.inputs().size());
        assertEquals("too-large", result.rejections().get(0).code());
        assertTrue(result.rejections().get(0).original().length <= 64 * 1024, "only the head is kept");
    }

    @Test
    void anHtmlFileIsOneInputOfItsBytes(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.HTML");
        Files.writeString(page, "<html><body><p>Text.</p></body></html>");
        ArticleFileReader.Result result = new ArticleFileReader(1 << 20).read(page, "folder");
        assertEquals(ArticleInput.HTML, result.inputs().get(0).contentType());
        assertEquals("folder", result.inputs().get(0).defaultSource());
    }
}
