package io.newswatch.ingest.assemble;

import io.newswatch.ingest.extract.CharsetDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * From bytes to text, or the reason there is no text: empty; compressed (a gzip body is unpacked, within the size
 * limit, since servers send one without being asked; other archives are refused); binary (more than a stray NUL
 * byte, mostly control characters, or the signature of an image or a PDF); then decoded in the charset {@link CharsetDetector} finds,
 * with UTF-8 read as Latin-1 (mojibake such as "Ð¼Ð¸Ñ€") repaired, and refused when it is still mostly
 * undecodable.
 */
public final class BodyDecoder {
    /** How much of a rejected input its dead letter keeps. */
    static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SNIFF_BYTES = 8192;

    private final long maxBytes;

    public BodyDecoder(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public record Decoded(String text, Rejection rejection) {
    }

    public Decoded decode(String origin, byte[] bytes, String contentType) {
        if (bytes.length == 0) {
            return rejected(origin, "empty", "input is empty", bytes);
        }
        if (startsWith(bytes, 0x1F, 0x8B)) {
            try {
                byte[] unpacked = gunzip(bytes);
                if (unpacked == null) {
                    return rejected(origin, "too-large", "gzip body unpacks to over " + maxBytes + " bytes", bytes);
                }
                return decode(origin, unpacked, contentType);
            } catch (IOException e) {
                return rejected(origin, "compressed", "gzip body that cannot be unpacked: " + e.getMessage(), bytes);
            }
        }
        String archive = archive(bytes);
        if (archive != null) {
            return rejected(origin, "compressed", "a " + archive + " archive, not text", bytes);
        }
        String binary = binary(bytes);
        if (binary != null) {
            return rejected(origin, "binary", binary, bytes);
        }
        String text = Mojibake.repair(CharsetDetector.decode(bytes, contentType));
        if (text.isBlank()) {
            return rejected(origin, "empty", "input holds only white space", bytes);
        }
        if (undecodable(text)) {
            return rejected(origin, "encoding", "most of the text cannot be decoded in any charset tried", bytes);
        }
        return new Decoded(text, null);
    }

    private byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return out.length > maxBytes ? null : out;
        }
    }

    private static String archive(byte[] b) {
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return "zip";
        }
        if (startsWith(b, 'B', 'Z', 'h')) {
            return "bzip2";
        }
        if (startsWith(b, 0xFD, '7', 'z', 'X', 'Z', 0)) {
            return "xz";
        }
        if (startsWith(b, 0x28, 0xB5, 0x2F, 0xFD)) {
            return "zstd";
        }
        if (startsWith(b, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "7z";
        }
        return null;
    }

    /** Why the bytes are not text, or null when they may be. A UTF-16 byte-order mark excuses NUL bytes. */
    private static String binary(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G') || startsWith(b, 0xFF, 0xD8, 0xFF) || startsWith(b, 'G', 'I', 'F', '8')
                || startsWith(b, '%', 'P', 'D', 'F')) {
            return "input is an image or a PDF, not text";
        }
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
            return null;
        }
        int n = Math.min(b.length, SNIFF_BYTES);
        int nul = 0;
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                nul++;
            } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        // A stray NUL in a page is removed later with the other control characters; many are not text.
        if (nul > n / 100) {
            return "input looks binary (NUL bytes), not text";
        }
        return control > n / 10 ? "input looks binary (mostly control characters), not text" : null;
    }

    private static boolean undecodable(String text) {
        int n = Math.min(text.length(), SNIFF_BYTES);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\uFFFD') {
                bad++;
            }
        }
        return bad > n / 4;
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

    static Decoded rejected(String origin, String code, String reason, byte[] bytes) {
        return new Decoded(null, new Rejection(origin, code, reason, sample(bytes)));
    }

    static byte[] sample(byte[] bytes) {
        return bytes == null || bytes.length <= SAMPLE_BYTES ? bytes : Arrays.copyOf(bytes, SAMPLE_BYTES);
    }

    static byte[] sample(String text) {
        return text == null ? null : sample(text.getBytes(StandardCharsets.UTF_8));
    }
}
