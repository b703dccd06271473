package io.newswatch.enrich.tagging.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * What a query touches, found with Lucene's {@link QueryVisitor}: the fields it reads (excluded clauses included)
 * and whether its rewritten form depends on the text's terms (prefixes, wildcards, fuzzy terms...). A query that
 * does not is rewritten once, when stored, instead of once per text.
 *
 * @param fields    the fields read, or null when not known (then it is run with every field)
 * @param rewritten the query rewritten once, or null when rewriting depends on the text
 */
record QueryTraits(Set<String> fields, Query rewritten) {
    private static final IndexSearcher EMPTY = new MemoryIndex().createSearcher();

    static QueryTraits of(Query query) {
        Collector collector = new Collector();
        query.visit(collector);
        Query rewritten = null;
        if (!collector.textDependent) {
            try {
                rewritten = EMPTY.rewrite(query);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                rewritten = null;
            }
        }
        return new QueryTraits(collector.unknown ? null : Set.copyOf(collector.fields), rewritten);
    }

    boolean reads(String field) {
        return fields == null || fields.contains(field);
    }

    private static final class Collector extends QueryVisitor {
        final Set<String> fields = new HashSet<>();
        boolean unknown;
        boolean textDependent;

        @Override
        public boolean acceptField(String field) {
            fields.add(field);
            return true;
        }

        @Override
        public void consumeTerms(Query query, Term... terms) {
            for (Term term : terms) {
                fields.add(term.field());
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            fields.add(field);
            textDependent = true;
        }

        @Override
        public void visitLeaf(Query query) {
            if (query instanceof MatchAllDocsQuery || query instanceof MatchNoDocsQuery) {
                return;
            }
            String[] phrase = Conditions.complexPhrase(query);
            if (phrase != null) {
                fields.add(phrase[0]);
                // Its elements may be prefixes, wildcards or fuzzy terms, expanded against the text's terms.
                textDependent |= phrase[1].chars().anyMatch(c -> "*?~/[]{}".indexOf(c) >= 0);
                return;
            }
            unknown = true;
            textDependent = true;
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this; // excluded clauses read fields too
        }
    }
}
