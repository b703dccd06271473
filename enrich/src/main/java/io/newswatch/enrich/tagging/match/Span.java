package io.newswatch.enrich.tagging.match;

/** A matched span of a query in the text that was matched (for articles: title, a blank line, body). */
public record Span(String rule, int start, int end, String text) implements Comparable<Span> {
    @Override
    public int compareTo(Span o) {
        int c = Integer.compare(start, o.start);
        if (c == 0) {
            c = Integer.compare(end, o.end);
        }
        return c != 0 ? c : rule.compareTo(o.rule);
    }

    public String matched() {
        return text.substring(start, end);
    }

    /** Spans of an article's matched text (title + blank line + body) told apart as title or body offsets. */
    public boolean inTitle(int titlePrefixLength) {
        return start < titlePrefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Span s && s.rule.equals(rule) && s.start == start && s.end == end;
    }

    @Override
    public int hashCode() {
        return rule.hashCode() * 31 * 31 + start * 31 + end;
    }
}
