package io.newswatch.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decides how a fetched page's bytes are encoded, in the order browsers do: a byte-order mark, the HTTP
 * {@code Content-Type} charset, a {@code <meta>} charset in the first bytes, then sniffing: bytes that are valid
 * UTF-8 are UTF-8, anything else is given to Mozilla's universal detector (which tells windows-1251 from KOI8-R
 * Cyrillic), and windows-1252 is the last resort. A declared UTF-8 that does not decode is not believed.
 */
public final class CharsetDetector {
    private static final int META_WINDOW = 4096;
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");

    /** The charset and how it was found (for logs and the extract command). */
    public record Detected(Charset charset, String how) {
    }

    private CharsetDetector() {
    }

    public static String decode(byte[] bytes, String contentType) {
        Detected detected = detect(bytes, contentType);
        int skip = bom(bytes) == null ? 0 : bomLength(bytes);
        return new String(bytes, skip, bytes.length - skip, detected.charset());
    }

    public static Detected detect(byte[] bytes, String contentType) {
        Charset bom = bom(bytes);
        if (bom != null) {
            return new Detected(bom, "byte-order mark");
        }
        Charset header = contentType == null ? null : charset(HEADER_CHARSET.matcher(contentType));
        if (header != null && (!header.equals(StandardCharsets.UTF_8) || validUtf8(bytes))) {
            return new Detected(header, "HTTP header");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, META_WINDOW), StandardCharsets.ISO_8859_1);
        Charset meta = charset(META_CHARSET.matcher(head));
        if (meta != null && (!meta.equals(StandardCharsets.UTF_8) || validUtf8(bytes))) {
            return new Detected(meta, "meta tag");
        }
        if (validUtf8(bytes)) {
            return new Detected(StandardCharsets.UTF_8, "valid UTF-8");
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        Charset sniffed = forName(detector.getDetectedCharset());
        if (sniffed != null) {
            return new Detected(sniffed, "sniffed");
        }
        return new Detected(Charset.forName("windows-1252"), "fallback");
    }

    private static Charset charset(Matcher m) {
        return m.find() ? forName(m.group(1)) : null;
    }

    private static Charset forName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        // Browsers read these labels as their supersets (WHATWG Encoding Standard).
        n = switch (n) {
            case "iso-8859-1", "latin1", "us-ascii", "ascii" -> "windows-1252";
            case "utf8" -> "utf-8";
            default -> n;
        };
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static int bomLength(byte[] b) {
        return bom(b) == StandardCharsets.UTF_8 ? 3 : 2;
    }
}
