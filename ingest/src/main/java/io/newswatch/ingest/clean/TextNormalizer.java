package io.newswatch.ingest.clean;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Unicode NFC, one kind of line break, no invisible characters, single spaces, trimmed lines. */
public final class TextNormalizer {
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("[\\t\\p{Zs}]+");
    private static final Pattern LINE_SEPARATORS = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085]");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = LINE_SEPARATORS.matcher(s).replaceAll("\n");
        s = INVISIBLE.matcher(s).replaceAll("");
        s = CONTROL.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ");
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            out.append(line.strip()).append('\n');
        }
        return out.toString().strip();
    }

    /** Collapses every run of white space, line breaks included, to one space. */
    public static String oneLine(String text) {
        return text == null ? null : SPACES.matcher(text.replace('\n', ' ')).replaceAll(" ").strip();
    }
}
