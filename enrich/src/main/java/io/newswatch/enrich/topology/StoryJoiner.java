package io.newswatch.enrich.topology;

import io.newswatch.enrich.ArticleAnalyzer;
import io.newswatch.enrich.story.Placement;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes an article version when its placement comes back from the story stage: the enriched article waiting in
 * {@link PendingArticles} gets its story id (and {@code duplicate_of}) spliced into the JSON it was serialised to,
 * and goes on. The placement comes back to the partition the article was read from, so the article is pending in
 * this instance, unless the worker restarted or a rebalance moved the partition since: then the raw record is read
 * again by the placement's offset and analysed again, so no article is lost and none is written twice.
 */
public final class StoryJoiner implements FixedKeyProcessor<String, Placement, SerializedArticle> {
    private static final Logger LOG = LoggerFactory.getLogger(StoryJoiner.class);

    private final PendingArticles kept;
    private final RawReader raw;
    private final Supplier<ArticleAnalyzer> analyzer;
    private final ArticleLimits limits;
    private FixedKeyProcessorContext<String, SerializedArticle> context;

    StoryJoiner(PendingArticles kept, RawReader raw, Supplier<ArticleAnalyzer> analyzer, ArticleLimits limits) {
        this.kept = kept;
        this.raw = raw;
        this.analyzer = analyzer;
        this.limits = limits;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, SerializedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Placement> record) {
        Placement placement = record.value();
        PendingArticles.Pending pending = kept.take(placement.articleId(), placement.contentHash());
        if (pending == null) {
            pending = readAgain(placement);
        }
        context.forward(record.withValue(SerializedArticle.placed(pending.article(), pending.json(),
                placement.storyId(), placement.duplicateOf())));
    }

    private PendingArticles.Pending readAgain(Placement placement) {
        LOG.debug("article {} is not pending here; reading it again from raw partition {} offset {}",
                placement.articleId(), placement.sourcePartition(), placement.sourceOffset());
        RawReader.Record record = raw.read(placement.sourcePartition(), placement.sourceOffset());
        if (record == null) {
            throw new IllegalStateException("article " + placement.articleId() + " was placed in a story, but its raw "
                    + "record (partition " + placement.sourcePartition() + ", offset " + placement.sourceOffset()
                    + ") is no longer on the raw topic");
        }
        try {
            ArticleLimits.Clamped clamped = RawArticleParser.read(record.key(), record.value(), limits);
            EnrichedArticle article = ArticleEnricher.enrich(analyzer.get(), clamped.article(),
                    clamped.bodyTruncated(), Instant.ofEpochMilli(record.timestamp()));
            return new PendingArticles.Pending(article, Json.writeBytes(article));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("article " + placement.articleId() + " cannot be read again: "
                    + e.getMessage(), e);
        }
    }
}
