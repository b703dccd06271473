package io.newswatch.model.text;

/**
 * Removes what is never text from strings that came from the open web or from any Kafka producer: NUL and the other
 * C0 and C1 control characters (except line feed and tab in multi-line text), the bidirectional embedding, override
 * and isolate controls (U+202A–U+202E, U+2066–U+2069, which can make a title read backwards in a desk's terminal),
 * unpaired surrogates (which PostgreSQL and strict UTF-8 encoders refuse), noncharacters (U+FFFE, U+FFFF...), the
 * byte-order mark, and the replacement character U+FFFD (what a decoder or HTML parser left for a byte it could not
 * read, a NUL among them). A string with nothing to remove is returned as it is, without copying.
 */
public final class SafeText {
    private SafeText() {
    }

    /** Multi-line text (an article body): line feeds and tabs stay, a carriage return becomes a line feed. */
    public static String multiLine(String text) {
        return clean(text, false);
    }

    /** One-line text (a title, a source name, a log or header value): every line break or tab becomes a space. */
    public static String oneLine(String text) {
        return clean(text, true);
    }

    /** Whether {@link #multiLine} would change anything. */
    public static boolean isClean(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || unsafe(text, i, c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return true;
    }

    /**
     * At most {@code maxChars} characters, never cutting a surrogate pair in two; null stays null.
     */
    public static String cut(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** One line, at most {@code maxChars} characters (with an ellipsis when cut): for log lines and headers. */
    public static String summary(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        String line = oneLine(text).strip();
        return line.length() <= maxChars ? line : cut(line, Math.max(0, maxChars - 1)) + "…";
    }

    private static String clean(String text, boolean oneLine) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            String replacement = null;
            boolean drop = false;
            if (c == '\n' || c == '\t' || c == '\r') {
                if (oneLine) {
                    replacement = " ";
                } else if (c == '\r') {
                    // \r\n becomes \n; a lone \r (old Mac files) becomes \n too
                    replacement = i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "" : "\n";
                }
            } else if (unsafe(text, i, c)) {
                drop = true;
            }
            if (drop || replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                    out.append(text, 0, i);
                }
                if (replacement != null) {
                    out.append(replacement);
                }
            } else if (out != null) {
                out.append(c);
                if (pair) {
                    out.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether the char at {@code i} is never text. Line feed, tab and carriage return are decided by the caller. */
    private static boolean unsafe(String text, int i, char c) {
        if (c < 0x20) {
            return c != '\n' && c != '\t' && c != '\r';
        }
        if (c >= 0x7F && c <= 0x9F) {
            return true;
        }
        if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
            return true;
        }
        if (c == 0xFEFF || c == 0xFFFD || c == 0xFFFE || c == 0xFFFF || c >= 0xFDD0 && c <= 0xFDEF) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                return true;
            }
            int cp = Character.toCodePoint(c, text.charAt(i + 1));
            return (cp & 0xFFFE) == 0xFFFE; // U+1FFFE, U+1FFFF ... noncharacters
        }
        return Character.isLowSurrogate(c); // a low surrogate without its high half
    }
}
