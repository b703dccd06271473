package io.newswatch.enrich.tagging.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;

/**
 * How article text is split into terms for rule matching. Field {@code text}: Unicode word tokens, possessives
 * dropped, lower-cased (so {@code "Tajikistan's"} matches {@code tajikistan}). Field {@code exact}: the same
 * tokens with their case kept, for acronyms that are also common words ({@code IS}).
 */
public final class TextAnalyzers {
    public static final String TEXT = "text";
    public static final String EXACT = "exact";

    private TextAnalyzers() {
    }

    public static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(lowerCased(), Map.of(TEXT, lowerCased(), EXACT, caseKept()));
    }

    private static Analyzer lowerCased() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(EnglishPossessiveFilterFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analyzer of the case-kept field: the lower-cased field's, without the lower-casing. */
    public static Analyzer caseKeptAnalyzer() {
        return caseKept();
    }

    private static Analyzer caseKept() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(EnglishPossessiveFilterFactory.class)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text for the case-sensitive field: lines written all in capitals (shouted headlines, where "IS" is
     * just the verb) are lower-cased. Char-by-char, so every offset stays the same as in the original.
     */
    public static String unshout(String text) {
        StringBuilder out = null;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline + 1;
            int letters = 0;
            int upper = 0;
            for (int i = lineStart; i < lineEnd; i++) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                }
            }
            if (letters >= 12 && upper >= letters * 0.8) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, lineStart);
                }
                for (int i = lineStart; i < lineEnd; i++) {
                    out.append(Character.toLowerCase(text.charAt(i)));
                }
            } else if (out != null) {
                out.append(text, lineStart, lineEnd);
            }
            lineStart = lineEnd;
        }
        return out == null ? text : out.toString();
    }
}
