package io.newswatch.bench;

import io.newswatch.enrich.tagging.match.TextAnalyzers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * The plain {@code java.util.regex} baseline: each parsed rule translated to one pattern per word, prefix, wildcard
 * or phrase, and its AND/OR/NOT evaluated over {@code find()}; the spans of the parts that matched are the
 * evidence. It only approximates the Lucene rules (word boundaries instead of an analyzer; proximity as a bounded
 * gap), which is what a regular-expression tagger would do.
 */
final class RegexMatcher {
    private sealed interface Compiled {
    }

    private record Leaf(Pattern pattern) implements Compiled {
    }

    private record All(List<Compiled> parts) implements Compiled {
    }

    private record AnyOf(List<Compiled> parts) implements Compiled {
    }

    private record Without(Compiled include, Compiled exclude) implements Compiled {
    }

    private final Map<String, Compiled> rules = new TreeMap<>();

    private static final Pattern PHRASE = Pattern.compile("(?s)([^:]+):\"(.*)\"(?:~(\\d+))?");

    RegexMatcher(Map<String, Query> rules) {
        rules.forEach((id, node) -> this.rules.put(id, compile(node)));
    }

    /** Matching rule ids, each with its spans as {start, end} pairs. */
    Map<String, List<int[]>> match(String text) {
        Map<String, List<int[]>> out = new TreeMap<>();
        for (Map.Entry<String, Compiled> rule : rules.entrySet()) {
            List<int[]> spans = new ArrayList<>();
            if (eval(rule.getValue(), text, spans)) {
                out.put(rule.getKey(), spans);
            }
        }
        return out;
    }

    private static boolean eval(Compiled c, String text, List<int[]> spans) {
        if (c instanceof Leaf leaf) {
            Matcher m = leaf.pattern().matcher(text);
            boolean found = false;
            while (m.find()) {
                found = true;
                spans.add(new int[] {m.start(), m.end()});
            }
            return found;
        }
        if (c instanceof All all) {
            for (Compiled part : all.parts()) {
                if (!eval(part, text, spans)) {
                    return false;
                }
            }
            return true;
        }
        if (c instanceof AnyOf any) {
            boolean found = false;
            for (Compiled part : any.parts()) {
                found |= eval(part, text, spans);
            }
            return found;
        }
        Without w = (Without) c;
        return eval(w.include(), text, spans) && !eval(w.exclude(), text, new ArrayList<>());
    }

    /** Translates a parsed Lucene rule; what has no regular-expression form fails loudly. */
    private static Compiled compile(Query query) {
        if (query instanceof BoostQuery q) {
            return compile(q.getQuery());
        }
        if (query instanceof BooleanQuery q) {
            List<Compiled> must = new ArrayList<>();
            List<Compiled> should = new ArrayList<>();
            List<Compiled> not = new ArrayList<>();
            for (BooleanClause clause : q.clauses()) {
                Compiled c = compile(clause.getQuery());
                switch (clause.getOccur()) {
                    case MUST, FILTER -> must.add(c);
                    case SHOULD -> should.add(c);
                    case MUST_NOT -> not.add(c);
                }
            }
            if (must.isEmpty() || q.getMinimumNumberShouldMatch() > 0) {
                must.add(new AnyOf(should));
            }
            Compiled include = must.size() == 1 ? must.get(0) : new All(must);
            return not.isEmpty() ? include : new Without(include, new AnyOf(not));
        }
        return new Leaf(Pattern.compile("\\b" + regex(query) + "\\b", flags(query)));
    }

    private static int flags(Query query) {
        return query.toString().startsWith(TextAnalyzers.EXACT + ":") ? 0 : Pattern.CASE_INSENSITIVE;
    }

    private static String regex(Query query) {
        if (query instanceof TermQuery q) {
            return Pattern.quote(q.getTerm().text());
        }
        if (query instanceof PrefixQuery q) {
            return Pattern.quote(q.getPrefix().text()) + "\\w*";
        }
        if (query instanceof WildcardQuery q) {
            StringBuilder out = new StringBuilder();
            for (char ch : q.getTerm().text().toCharArray()) {
                out.append(ch == '*' ? "\\w*" : ch == '?' ? "\\w" : Pattern.quote(String.valueOf(ch)));
            }
            return out.toString();
        }
        if (query instanceof BooleanQuery q) {
            return "(?:" + q.clauses().stream().filter(c -> c.getOccur() != BooleanClause.Occur.MUST_NOT)
                    .map(c -> regex(c.getQuery())).collect(Collectors.joining("|")) + ")";
        }
        Matcher phrase = PHRASE.matcher(query.toString("\u0000"));
        if (phrase.matches()) {
            return phrase(phrase.group(2), phrase.group(3) == null ? 0 : Integer.parseInt(phrase.group(3)));
        }
        throw new IllegalArgumentException("no regular expression for " + query);
    }

    /** Words of a phrase within {@code slop} words of each other; two-word phrases in either order. */
    private static String phrase(String contents, int slop) {
        Query parsed;
        try {
            parsed = new QueryParser(TextAnalyzers.TEXT, TextAnalyzers.perField()).parse(contents);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
        List<String> parts = parsed instanceof BooleanQuery b
                ? b.clauses().stream().map(c -> regex(c.getQuery())).toList() : List.of(regex(parsed));
        String gap = slop == 0 ? "\\W+" : "\\W+(?:\\w+\\W+){0," + slop + "}?";
        String forward = String.join(gap, parts);
        if (slop == 0 || parts.size() != 2) {
            return "(?:" + forward + ")";
        }
        return "(?:" + forward + "|" + parts.get(1) + gap + parts.get(0) + ")";
    }

    int size() {
        return rules.size();
    }

    @Override
    public String toString() {
        return rules.keySet().stream().limit(3).collect(Collectors.joining(", ")) + "...";
    }
}
