package io.newswatch.bench;

import io.newswatch.enrich.tagging.RuleBook;
import io.newswatch.enrich.tagging.RuleQueries;
import io.newswatch.enrich.tagging.match.TextAnalyzers;
import io.newswatch.enrich.tagging.WatchRule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.search.Query;

/** The rule sets benchmarked: the default taxonomy's rules, plus generated analyst rules. */
final class BenchRules {
    static final long SEED = 20261122L;

    private BenchRules() {
    }

    /** The default rules and {@code extra} generated ones, parsed as Newswatch parses rules. */
    static Map<String, Query> parsed(int extra) {
        return parsed(extra, AnalystRules.TOPICAL_RANK);
    }

    /** Generated rules drawing their words from beyond the {@code minRank} commonest words. */
    static Map<String, Query> parsed(int extra, int minRank) {
        RuleQueries parser = new RuleQueries(TextAnalyzers.perField());
        Map<String, Query> queries = new LinkedHashMap<>();
        for (WatchRule rule : RuleBook.defaults().rules()) {
            queries.put(rule.id(), parser.parse(rule));
        }
        AnalystRules.lucene(AnalystRules.generate(extra, SEED, minRank)).forEach((id, q) -> queries.put(id, parser.parse(id, q)));
        return queries;
    }
}
