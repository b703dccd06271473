package io.newswatch.enrich.tagging;

/** The sentence around a match, cut to a readable length, for a person checking why a tag was given. */
public final class Snippets {
    private static final int REACH = 120;

    private Snippets() {
    }

    public static String around(String text, int start, int end) {
        int from = Math.max(0, start - REACH);
        for (int i = start - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '\n' || ((c == '.' || c == '!' || c == '?') && i + 1 < text.length()
                    && Character.isWhitespace(text.charAt(i + 1)))) {
                from = i + 1;
                break;
            }
        }
        int to = Math.min(text.length(), end + REACH);
        for (int i = end; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '.' || c == '!' || c == '?') {
                to = c == '\n' ? i : i + 1;
                break;
            }
        }
        String snippet = text.substring(from, to).strip();
        return (from > 0 && start - from >= REACH ? "…" : "") + snippet + (to < text.length() && to - end >= REACH ? "…" : "");
    }
}
