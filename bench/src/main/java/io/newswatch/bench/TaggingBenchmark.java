package io.newswatch.bench;

import io.newswatch.enrich.tagging.match.QueryMatcher;
import io.newswatch.enrich.tagging.match.Span;
import io.newswatch.enrich.tagging.match.MonitorMatcher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.Query;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Articles tagged per second, on one thread, with every matched rule's spans: Newswatch's prefiltered matcher, Lucene
 * Monitor used directly (default presearcher), and {@code java.util.regex}, over the same rules and the same ~4 KiB
 * articles. Set-up checks that the prefiltered matcher and Monitor match the same rules, with the same spans, on
 * every article, and refuses to run otherwise.
 *
 * <pre>java -jar bench/target/benchmarks.jar TaggingBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class TaggingBenchmark {
    private static final int ARTICLES = 200;

    @Param({"0", "10000"})
    public int extraRules;

    private List<String> articles;
    private QueryMatcher prefiltered;
    private QueryMatcher monitor;
    private RegexMatcher regex;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        articles = NewsText.articles(ARTICLES, BenchRules.SEED);
        Map<String, Query> rules = BenchRules.parsed(extraRules);
        prefiltered = QueryMatcher.of(rules);
        monitor = new MonitorMatcher(rules);
        regex = new RegexMatcher(rules);
        int matched = 0;
        for (String article : articles) {
            Map<String, List<Span>> ours = prefiltered.match(article);
            Map<String, List<Span>> reference = monitor.match(article);
            if (!ours.equals(reference)) {
                throw new IllegalStateException("the prefiltered matcher disagrees with Lucene Monitor: " + ours.keySet()
                        + " vs " + reference.keySet());
            }
            matched += ours.size();
        }
        System.out.printf("%n%d rules, %d articles, %d rule matches: prefiltered matcher and Lucene Monitor agree on "
                + "every article%n", rules.size(), articles.size(), matched);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        prefiltered.close();
        monitor.close();
    }

    private String nextArticle() {
        next = (next + 1) % articles.size();
        return articles.get(next);
    }

    @Benchmark
    public Map<String, List<Span>> newswatch() {
        return prefiltered.match(nextArticle());
    }

    @Benchmark
    public Map<String, List<Span>> luceneMonitor() {
        return monitor.match(nextArticle());
    }

    @Benchmark
    public Map<String, List<int[]>> javaRegex() {
        return regex.match(nextArticle());
    }
}
