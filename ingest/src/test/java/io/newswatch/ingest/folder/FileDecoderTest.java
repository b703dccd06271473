package io.newswatch.ingest.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDecoderTest {
    private final FileDecoder decoder = new FileDecoder(10 * 1024 * 1024);

    @Test
    void rejectsAnEmptyFile() {
        assertEquals("empty", decoder.decode("f", new byte[0]).rejection().code());
        assertEquals("empty", decoder.decode("f", " \n\t".getBytes(StandardCharsets.UTF_8)).rejection().code());
    }

    @Test
    void rejectsBinaryContent() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        Rejection r = decoder.decode("f", png).rejection();
        assertEquals("binary", r.code());
    }

    @Test
    void rejectsInvalidUtf8WithTheReason() {
        byte[] cp1251 = "Привет".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        Rejection r = decoder.decode("f", cp1251).rejection();
        assertEquals("encoding", r.code());
        assertTrue(r.reason().contains("UTF-8"), r.reason());
    }

    @Test
    void readsUtf16WithAByteOrderMark() {
        byte[] text = "\uFEFFПривет".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("Привет", decoder.decode("f", text).text());
    }

    @Test
    void rejectsAHugeFileWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.txt");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = "A line of text that repeats and repeats.\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 20L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        FileDecoder.Decoded d = decoder.read(big);
        assertNull(d.text());
        assertEquals("too-large", d.rejection().code());
        assertTrue(d.rejection().original().length <= FileDecoder.SAMPLE_BYTES);
    }
}
