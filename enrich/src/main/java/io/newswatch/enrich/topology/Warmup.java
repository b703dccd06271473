package io.newswatch.enrich.topology;

import io.newswatch.enrich.ArticleAnalyzer;
import io.newswatch.enrich.story.StoryCandidate;
import io.newswatch.enrich.tagging.WatchRule;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import io.newswatch.model.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the per-article work (analysis, signature, serialisation) on article-sized texts made of the rules' own
 * example sentences for a moment before Kafka Streams starts, so that the JIT has compiled it by the time the first
 * real articles arrive: otherwise the first seconds after start-up are ten times slower and latency piles up.
 */
public final class Warmup {
    private Warmup() {
    }

    /**
     * Analyses for at least {@code least}, then until the JIT has settled (under 50 ms of compilation in the last
     * second), for at most {@code most}; returns how many articles it went through.
     */
    public static int run(ArticleAnalyzer analyzer, Duration least, Duration most) {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        int n = 0;
        long lastCompile = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        while (true) {
            n += run(analyzer, Duration.ofSeconds(1), n);
            long elapsed = System.nanoTime() - start;
            if (elapsed >= most.toNanos()) {
                return n;
            }
            if (elapsed >= least.toNanos()) {
                if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
                    return n;
                }
                long compiled = jit.getTotalCompilationTime();
                if (compiled - lastCompile < 50) {
                    return n;
                }
                lastCompile = compiled;
            } else if (jit != null && jit.isCompilationTimeMonitoringSupported()) {
                lastCompile = jit.getTotalCompilationTime();
            }
        }
    }

    /** Sentences of the kind most of an article is made of, about nothing any rule watches. */
    private static final List<String> ORDINARY = List.of(
            "The city council met on Tuesday to discuss the budget for the coming year.",
            "Prices for bread and vegetables rose slightly in the central market this week.",
            "The weather service expects rain in the mountains and a warm weekend in the valleys.",
            "A new bridge over the canal will open to traffic at the end of the month, officials said.",
            "Teachers asked the ministry for more money to repair school buildings before winter.",
            "The football club signed two young players from a team in the north of the country.",
            "Farmers said the harvest of wheat and cotton was better than last year.",
            "The national airline added a weekly flight to the capital of a neighbouring country.",
            "Doctors at the regional hospital reported fewer cases of flu than in previous years.",
            "A museum in the old town opened an exhibition of carpets and embroidered textiles.",
            "В городе открылась новая библиотека с читальным залом для школьников.",
            "Цены на овощи на центральном рынке немного выросли за последнюю неделю.",
            "Синоптики ожидают дождей в горах и тёплой погоды в долинах на выходных.",
            "Министерство обещало отремонтировать дороги в нескольких районах до зимы.");

    private static int run(ArticleAnalyzer analyzer, Duration budget, int first) {
        List<String> sentences = new ArrayList<>();
        for (WatchRule rule : analyzer.tagger().ruleBook().rules()) {
            Stream.concat(rule.examples().match().stream(), rule.examples().noMatch().stream()).forEach(sentences::add);
        }
        if (sentences.isEmpty()) {
            return 0;
        }
        long end = System.nanoTime() + budget.toNanos();
        Instant now = Instant.now();
        int n = first;
        java.util.Random random = new java.util.Random(first);
        while (System.nanoTime() < end) {
            // Like news: mostly ordinary sentences, now and then one a rule is about.
            StringBuilder body = new StringBuilder();
            for (int i = 0; body.length() < 4_000; i++) {
                body.append(random.nextInt(12) == 0 ? sentences.get(random.nextInt(sentences.size()))
                        : ORDINARY.get(random.nextInt(ORDINARY.size()))).append(i % 5 == 4 ? "\n\n" : " ");
            }
            RawArticle article = new RawArticle("warm-up-" + n, null, "warm-up", "Warm-up " + n, null, null, now, now,
                    null, body.toString(), "h" + n, RawArticle.SCHEMA_VERSION);
            EnrichedArticle enriched = ArticleEnricher.enrich(analyzer, article, false, now);
            Json.writeBytes(enriched);
            Json.writeBytes(StoryCandidate.of(enriched, 0, n));
            n++;
        }
        return n - first;
    }
}
