package io.newswatch.ingest.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises lines that are page chrome rather than article: share and comment prompts, newsletter and
 * registration boxes, "Advertisement", cookie notices, navigation labels, publisher disclaimers, image credits.
 * The patterns live in {@code boilerplate-lines.txt} (one regular expression per line, matched against the whole
 * line, case-insensitive) so they can be read and extended without reading code.
 */
public final class BoilerplateFilter {
    /** A line longer than this is article text even when it mentions cookies or newsletters. */
    private static final int MAX_WORDS = 30;
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\p{Pd}•·|\\s]+|[\\p{Punct}\\p{Pd}•·|\\s]+$");

    private final List<Pattern> patterns;

    public BoilerplateFilter(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static BoilerplateFilter defaults() {
        return new BoilerplateFilter(load("boilerplate-lines.txt"));
    }

    public boolean isBoilerplate(String line) {
        String core = EDGE_PUNCTUATION.matcher(line).replaceAll("");
        if (core.isEmpty()) {
            return !line.isBlank();
        }
        if (core.split("\\s+").length > MAX_WORDS) {
            return false;
        }
        String lower = core.toLowerCase(Locale.ROOT);
        for (Pattern p : patterns) {
            if (p.matcher(lower).matches()) {
                return true;
            }
        }
        return false;
    }

    static List<Pattern> load(String resource) {
        List<Pattern> patterns = new ArrayList<>();
        try (InputStream in = BoilerplateFilter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    patterns.add(Pattern.compile(line, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return patterns;
    }
}
