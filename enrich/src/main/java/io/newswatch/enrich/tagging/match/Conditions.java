package io.newswatch.enrich.tagging.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanNotQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Reduces a parsed query to a {@link Condition}: the terms any matching text must contain. Every rule keeps it
 * safe (a superset of what Lucene would match): required clauses combine with AND, optional ones with OR,
 * exclusions are ignored, and what is not understood becomes {@link Condition#ALWAYS}.
 *
 * <p>Lucene Monitor's own analysis sees a complex phrase ({@code "(supply* deliver*) weapon*"~4}) as an opaque
 * query that every text must run, which is why it slows down with many phrase rules. Here the phrase's contents
 * are parsed again, as the complex-phrase parser itself does at query time, and every positive element of the
 * phrase is required.
 */
final class Conditions {
    /** How {@code ComplexPhraseQuery} (package-private in Lucene) prints itself for a foreign field. */
    private static final Pattern COMPLEX_PHRASE = Pattern.compile("(?s)([^:]+):\"(.*)\"(?:~\\d+)?");
    private static final String FOREIGN_FIELD = "\u0000";

    /** A complex phrase's field and contents, or null when {@code query} is not one. */
    static String[] complexPhrase(Query query) {
        if (!query.getClass().getName().endsWith("ComplexPhraseQueryParser$ComplexPhraseQuery")) {
            return null;
        }
        Matcher m = COMPLEX_PHRASE.matcher(query.toString(FOREIGN_FIELD));
        return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
    }

    private final Analyzer analyzer;

    Conditions(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Condition of(Query query) {
        if (query instanceof TermQuery q) {
            return new Condition.Term(q.getTerm().field(), BytesRef.deepCopyOf(q.getTerm().bytes()));
        }
        if (query instanceof BooleanQuery q) {
            return ofBoolean(q);
        }
        if (query instanceof PrefixQuery q) {
            return prefix(q.getPrefix().field(), q.getPrefix().text());
        }
        if (query instanceof WildcardQuery q) {
            return prefix(q.getTerm().field(), literalPrefix(q.getTerm().text()));
        }
        if (query instanceof PhraseQuery q) {
            List<Condition> all = new ArrayList<>();
            for (org.apache.lucene.index.Term t : q.getTerms()) {
                all.add(new Condition.Term(t.field(), BytesRef.deepCopyOf(t.bytes())));
            }
            return all(all);
        }
        if (query instanceof MultiPhraseQuery q) {
            List<Condition> all = new ArrayList<>();
            for (org.apache.lucene.index.Term[] position : q.getTermArrays()) {
                List<Condition> any = new ArrayList<>();
                for (org.apache.lucene.index.Term t : position) {
                    any.add(new Condition.Term(t.field(), BytesRef.deepCopyOf(t.bytes())));
                }
                all.add(any(any));
            }
            return all(all);
        }
        if (query instanceof SynonymQuery q) {
            List<Condition> any = new ArrayList<>();
            q.getTerms().forEach(t -> any.add(new Condition.Term(t.field(), BytesRef.deepCopyOf(t.bytes()))));
            return any(any);
        }
        if (query instanceof BoostQuery q) {
            return of(q.getQuery());
        }
        if (query instanceof ConstantScoreQuery q) {
            return of(q.getQuery());
        }
        if (query instanceof DisjunctionMaxQuery q) {
            return any(q.getDisjuncts().stream().map(this::of).toList());
        }
        if (query instanceof SpanTermQuery q) {
            return new Condition.Term(q.getTerm().field(), BytesRef.deepCopyOf(q.getTerm().bytes()));
        }
        if (query instanceof SpanNearQuery q) {
            return all(java.util.Arrays.stream(q.getClauses()).map(c -> of((Query) c)).toList());
        }
        if (query instanceof SpanOrQuery q) {
            return any(java.util.Arrays.stream(q.getClauses()).map(c -> of((Query) c)).toList());
        }
        if (query instanceof SpanNotQuery q) {
            return of(q.getInclude());
        }
        if (query instanceof SpanMultiTermQueryWrapper<?> q) {
            return of(q.getWrappedQuery());
        }
        String[] phrase = complexPhrase(query);
        if (phrase != null) {
            return ofComplexPhrase(phrase[0], phrase[1]);
        }
        return Condition.ALWAYS;
    }

    private Condition ofBoolean(BooleanQuery q) {
        List<Condition> required = new ArrayList<>();
        List<Condition> optional = new ArrayList<>();
        for (BooleanClause clause : q.clauses()) {
            switch (clause.getOccur()) {
                case MUST, FILTER -> required.add(of(clause.getQuery()));
                case SHOULD -> optional.add(of(clause.getQuery()));
                case MUST_NOT -> { }
            }
        }
        if ((required.isEmpty() || q.getMinimumNumberShouldMatch() > 0) && !optional.isEmpty()) {
            required.add(any(optional));
        }
        return required.isEmpty() ? Condition.ALWAYS : all(required);
    }

    /**
     * A complex phrase matches only where every positive element of the phrase occurs; an element with
     * alternatives needs one of them.
     */
    private Condition ofComplexPhrase(String field, String phraseContents) {
        QueryParser parser = new QueryParser(field, analyzer);
        parser.setAllowLeadingWildcard(false);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        Query contents;
        try {
            contents = parser.parse(phraseContents);
        } catch (org.apache.lucene.queryparser.classic.ParseException | RuntimeException e) {
            return Condition.ALWAYS;
        }
        if (!(contents instanceof BooleanQuery elements)) {
            return of(contents);
        }
        List<Condition> all = new ArrayList<>();
        for (BooleanClause element : elements.clauses()) {
            if (element.getOccur() == BooleanClause.Occur.MUST_NOT) {
                continue;
            }
            Query q = element.getQuery();
            if (q instanceof BooleanQuery alternatives) {
                List<Condition> any = new ArrayList<>();
                for (BooleanClause alternative : alternatives.clauses()) {
                    if (alternative.getOccur() != BooleanClause.Occur.MUST_NOT) {
                        any.add(of(alternative.getQuery()));
                    }
                }
                all.add(any(any));
            } else {
                all.add(of(q));
            }
        }
        return all(all);
    }

    private static Condition prefix(String field, String prefix) {
        return prefix.isEmpty() ? Condition.ALWAYS : new Condition.Prefix(field, new BytesRef(prefix));
    }

    /** The part of a wildcard pattern before its first wildcard or escape. */
    static String literalPrefix(String pattern) {
        int i = 0;
        while (i < pattern.length() && "*?\\".indexOf(pattern.charAt(i)) < 0) {
            i++;
        }
        return pattern.substring(0, i);
    }

    private static Condition all(List<Condition> parts) {
        List<Condition> known = parts.stream().filter(p -> !(p instanceof Condition.Always)).toList();
        if (known.isEmpty()) {
            return Condition.ALWAYS;
        }
        return known.size() == 1 ? known.get(0) : new Condition.All(known);
    }

    private static Condition any(List<Condition> parts) {
        if (parts.isEmpty() || parts.stream().anyMatch(p -> p instanceof Condition.Always)) {
            return Condition.ALWAYS;
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.Any(parts);
    }
}
