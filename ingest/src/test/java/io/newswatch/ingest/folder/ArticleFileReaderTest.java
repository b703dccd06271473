package io.newswatch.ingest.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
        ArticleFileReader.Result result = new ArticleFileReader(1 << 20).read(file);
        assertEquals(2, result.documents().size());
        assertEquals(2, result.rejections().size());
        assertEquals("malformed-json", result.rejections().get(0).code());
        assertTrue(result.rejections().get(0).origin().endsWith("batch.jsonl:2"));
        assertEquals("no-text", result.rejections().get(1).code());
        assertTrue(result.documents().get(1).html());
    }
}
