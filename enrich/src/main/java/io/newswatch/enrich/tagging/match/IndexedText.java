package io.newswatch.enrich.tagging.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;

/**
 * A text analysed once into a {@link MemoryIndex}, for every matcher that reads it (watch rules and gazetteer
 * names alike). Tokenising is the dearest part of matching, so the text is tokenised once, with its case kept, and
 * both fields are filled from those tokens, each only when a matcher needs it: candidate rules are found from the
 * distinct tokens, and most texts have none, so most are never indexed. The case-kept field (read only by the few
 * acronym queries) has shouted lines lower-cased. The result is the same as
 * analysing each field with {@link TextAnalyzers#perField()}: the two analyzers differ only in the lower-casing.
 * Not thread-safe: one article, one thread.
 */
public final class IndexedText {
    private static final Analyzer CASE_KEPT = TextAnalyzers.caseKeptAnalyzer();

    private final String text;
    private final String caseKept;
    private final MemoryIndex memory = new MemoryIndex(true, false);
    private final Tokens tokens;
    private Set<String> lowerCaseTerms;
    private boolean indexed;
    private boolean exact;

    private IndexedText(String text) {
        this.text = text;
        this.caseKept = TextAnalyzers.unshout(text);
        this.tokens = Tokens.of(text);
    }

    public static IndexedText of(String text) {
        return new IndexedText(text);
    }

    public String text() {
        return text;
    }

    /** The text with shouted lines lower-cased, as the case-kept field holds it. */
    String caseKept() {
        return caseKept;
    }

    /**
     * The distinct terms of a field, as its index would hold them. Most texts match no rule, and finding that out
     * from these sets costs a fraction of building the index.
     */
    Set<String> distinctTerms(String field) {
        if (TextAnalyzers.TEXT.equals(field)) {
            if (lowerCaseTerms == null) {
                lowerCaseTerms = tokens.distinct(true, null);
            }
            return lowerCaseTerms;
        }
        if (TextAnalyzers.EXACT.equals(field)) {
            return tokens.distinct(false, caseKept == text ? null : caseKept);
        }
        return Set.of();
    }

    /** Indexes the lower-cased field, unless it is there already. */
    private void requireText() {
        if (!indexed) {
            memory.addField(TextAnalyzers.TEXT, tokens.stream(true, null));
            indexed = true;
        }
    }

    /** Adds the case-kept field, unless it is there already. */
    void requireExact() {
        requireText();
        if (!exact) {
            memory.addField(TextAnalyzers.EXACT, tokens.stream(false, caseKept == text ? null : caseKept));
            exact = true;
        }
    }

    IndexSearcher searcher() {
        requireText();
        IndexSearcher searcher = memory.createSearcher();
        searcher.setQueryCache(null);
        return searcher;
    }

    /** The case-kept tokens of a text, with their offsets and position increments. */
    private record Tokens(String[] terms, int[] starts, int[] ends, int[] increments, int count) {
        static Tokens of(String text) {
            String[] terms = new String[256];
            int[] starts = new int[256];
            int[] ends = new int[256];
            int[] increments = new int[256];
            int n = 0;
            try (TokenStream stream = CASE_KEPT.tokenStream(TextAnalyzers.EXACT, text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    if (n == terms.length) {
                        terms = Arrays.copyOf(terms, n * 2);
                        starts = Arrays.copyOf(starts, n * 2);
                        ends = Arrays.copyOf(ends, n * 2);
                        increments = Arrays.copyOf(increments, n * 2);
                    }
                    terms[n] = term.toString();
                    starts[n] = offset.startOffset();
                    ends[n] = offset.endOffset();
                    increments[n] = increment.getPositionIncrement();
                    n++;
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Tokens(terms, starts, ends, increments, n);
        }

        /**
         * The tokens as a stream: all lower-cased (as LowerCaseFilter does, code point by code point), or as they
         * are except where {@code unshouted} (the text with shouted lines lower-cased) differs from the text.
         */
        TokenStream stream(boolean lowerCase, String unshouted) {
            return new TokenStream() {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
                private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
                private int i;

                @Override
                public boolean incrementToken() {
                    if (i >= count) {
                        return false;
                    }
                    clearAttributes();
                    String t = terms[i];
                    if (lowerCase) {
                        term.setEmpty().append(t);
                        lowerCase(term.buffer(), term.length());
                    } else if (unshouted != null) {
                        term.setEmpty().append(unshouted, starts[i], starts[i] + t.length());
                    } else {
                        term.setEmpty().append(t);
                    }
                    offset.setOffset(starts[i], ends[i]);
                    increment.setPositionIncrement(increments[i]);
                    i++;
                    return true;
                }
            };
        }

        /** The distinct terms {@link #stream} would give. */
        Set<String> distinct(boolean lowerCase, String unshouted) {
            Set<String> out = new HashSet<>(count * 2);
            for (int i = 0; i < count; i++) {
                String t = terms[i];
                if (lowerCase) {
                    char[] chars = t.toCharArray();
                    lowerCase(chars, chars.length);
                    out.add(new String(chars));
                } else if (unshouted != null) {
                    out.add(unshouted.substring(starts[i], starts[i] + t.length()));
                } else {
                    out.add(t);
                }
            }
            return out;
        }

        private static void lowerCase(char[] buffer, int length) {
            for (int i = 0; i < length; ) {
                int cp = Character.codePointAt(buffer, i, length);
                int lower = Character.toLowerCase(cp);
                int n = Character.charCount(cp);
                if (lower != cp && Character.charCount(lower) == n) {
                    Character.toChars(lower, buffer, i);
                }
                i += n;
            }
        }
    }
}
