package io.newswatch.ingest.clean;

import java.util.regex.Pattern;

/**
 * Tells inline script code (ad-slot JavaScript, tracking snippets, JSON config) from prose: pages scraped as text
 * often carry it as a line of its own.
 */
public final class CodeLineDetector {
    private static final Pattern CODE_MARKERS = Pattern.compile(
            "function\\s*\\(|=>|\\}\\s*\\)\\s*;|\\)\\s*;\\s*$|\\bvar\\s+\\w+\\s*=|\\b(let|const)\\s+\\w+\\s*=|"
                    + "\\bdocument\\.\\w+|\\bwindow\\.\\w+|\\b__\\w+\\.\\w+|\\.push\\(|\\bgoogletag\\b|"
                    + "\\bdataLayer\\b|<\\s*/?\\s*script|\\{\\s*\"?\\w+\"?\\s*:");

    private CodeLineDetector() {
    }

    public static boolean isCode(String line) {
        if (line.length() < 8) {
            return false;
        }
        int symbols = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("{}();=<>[]\"'|&$".indexOf(c) >= 0) {
                symbols++;
            }
        }
        double density = (double) symbols / line.length();
        boolean markers = CODE_MARKERS.matcher(line).find();
        // Prose with a quoted "function(" is rare; prose with this many brackets and semicolons is rarer.
        return (markers && density > 0.04) || density > 0.15;
    }
}
