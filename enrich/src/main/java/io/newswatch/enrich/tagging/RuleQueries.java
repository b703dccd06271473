package io.newswatch.enrich.tagging;

import io.newswatch.enrich.tagging.match.TextAnalyzers;
import io.newswatch.model.config.ConfigProblem;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.complexPhrase.ComplexPhraseQueryParser;
import org.apache.lucene.search.Query;

/**
 * Parses rule queries. Lucene's complex-phrase parser is the classic query syntax analysts know (AND/OR/NOT,
 * grouping, {@code field:}, wildcards, {@code "..."~N}) plus wildcards and alternatives inside phrases
 * ({@code "(supply* deliver*) weapon*"~4}), which Russian word endings need. Proximity is unordered.
 */
public final class RuleQueries {
    private final Analyzer analyzer;

    public RuleQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public Query parse(WatchRule rule) {
        return parse(rule.id(), rule.query());
    }

    public Query parse(String id, String query) {
        ComplexPhraseQueryParser parser = new ComplexPhraseQueryParser(TextAnalyzers.TEXT, analyzer);
        parser.setInOrder(false);
        parser.setAllowLeadingWildcard(false);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        try {
            return parser.parse(query);
        } catch (ParseException | RuntimeException e) {
            throw new ConfigProblem("rule " + id + ": cannot parse query " + query + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
