package io.newswatch.enrich.topology;

import io.newswatch.enrich.ArticleAnalyzer;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Enriches each new article version: an article whose id and content hash were seen before is a repeat (the
 * same folder read twice, a replay) and goes no further, so counts and alerts never see it twice. Story
 * grouping, which runs after this stage, places it in a story.
 */
public final class ArticleEnricher implements FixedKeyProcessor<String, RawArticle, EnrichedArticle> {
    public static final String STORE = "article-versions";

    private final Supplier<ArticleAnalyzer> analyzer;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, String> versions;

    public ArticleEnricher(Supplier<ArticleAnalyzer> analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.versions = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
        RawArticle article = record.value();
        if (article.contentHash() != null && article.contentHash().equals(versions.get(article.id()))) {
            return;
        }
        versions.put(article.id(), article.contentHash() == null ? "" : article.contentHash());
        ArticleAnalyzer.Analysis found = analyzer.get().analyze(article);
        EnrichedArticle enriched = EnrichedArticle.of(article, found.tags(), found.entities(), found.amounts(),
                null, null, Instant.ofEpochMilli(record.timestamp()));
        context.forward(record.withValue(enriched));
    }
}
