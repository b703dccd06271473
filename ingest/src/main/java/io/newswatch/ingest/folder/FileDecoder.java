package io.newswatch.ingest.folder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file as text or says why not: too large (checked before reading), empty, binary (NUL bytes or mostly
 * control characters), or not valid in its encoding (a byte-order mark picks UTF-16; otherwise UTF-8 is required).
 */
public final class FileDecoder {
    /** How much of a rejected file is kept in its dead letter. */
    static final int SAMPLE_BYTES = 64 * 1024;

    private final long maxBytes;

    public FileDecoder(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Either text or a rejection; never both. */
    public record Decoded(String text, Rejection rejection) {
        static Decoded ok(String text) {
            return new Decoded(text, null);
        }

        static Decoded rejected(String origin, String code, String reason, byte[] sample) {
            return new Decoded(null, new Rejection(origin, code, reason, sample));
        }
    }

    public Decoded read(Path file) {
        String origin = file.toString();
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return Decoded.rejected(origin, "too-large", "file is " + size + " bytes, over the limit of " + maxBytes
                        + " bytes (ingest.max.file.bytes)", head(file));
            }
            return decode(origin, Files.readAllBytes(file));
        } catch (IOException e) {
            return Decoded.rejected(origin, "unreadable", "cannot read file: " + e, null);
        }
    }

    public Decoded decode(String origin, byte[] bytes) {
        if (bytes.length == 0) {
            return Decoded.rejected(origin, "empty", "file is empty", bytes);
        }
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (looksBinary(bytes)) {
            return Decoded.rejected(origin, "binary", "file looks binary (NUL bytes or control characters), not text",
                    sample(bytes));
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            if (text.isBlank()) {
                return Decoded.rejected(origin, "empty", "file holds only white space", sample(bytes));
            }
            return Decoded.ok(text);
        } catch (MalformedInputException e) {
            return Decoded.rejected(origin, "encoding", "not valid " + charset.name() + ": malformed input of "
                    + e.getInputLength() + " byte(s); save the file as UTF-8", sample(bytes));
        } catch (CharacterCodingException e) {
            return Decoded.rejected(origin, "encoding", "not valid " + charset.name() + ": " + e, sample(bytes));
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control > n / 10;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sample(byte[] bytes) {
        return bytes.length <= SAMPLE_BYTES ? bytes : java.util.Arrays.copyOf(bytes, SAMPLE_BYTES);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        }
    }
}
