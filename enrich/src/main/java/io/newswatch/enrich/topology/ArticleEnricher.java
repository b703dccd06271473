package io.newswatch.enrich.topology;

import io.newswatch.enrich.ArticleAnalyzer;
import io.newswatch.enrich.story.StoryCandidate;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import io.newswatch.model.dlq.DeadLetter;
import io.newswatch.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Enriches each new article version on its own partition: an article whose id and content hash were seen before is
 * a repeat (the same folder read twice, a replay) and goes no further, so counts and alerts never see it twice. The
 * enriched article waits in {@link PendingArticles} (serialised once, here) while its {@link StoryCandidate} goes to
 * the story stage; {@link StoryJoiner} completes it when the placement comes back.
 *
 * <p>What is found is kept within the {@link ArticleLimits}, and the result's size is checked before it goes on: an
 * article that would still be too large for the broker is dead-lettered here with the reason, instead of failing
 * the transaction it would be sent in (which exactly-once would retry for ever).
 */
public final class ArticleEnricher implements FixedKeyProcessor<String, Parsed, Analysed> {
    public static final String STORE = "article-versions";

    private final Supplier<ArticleAnalyzer> analyzer;
    private final ArticleLimits limits;
    private FixedKeyProcessorContext<String, Analysed> context;
    private KeyValueStore<String, String> versions;

    private final PendingArticles kept;

    ArticleEnricher(Supplier<ArticleAnalyzer> analyzer, ArticleLimits limits, PendingArticles kept) {
        this.analyzer = analyzer;
        this.limits = limits;
        this.kept = kept;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Analysed> context) {
        this.context = context;
        this.versions = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Parsed> record) {
        RawArticle article = record.value().article();
        if (article.contentHash() != null && article.contentHash().equals(versions.get(article.id()))) {
            return;
        }
        EnrichedArticle enriched = enrich(analyzer.get(), article, record.value().bodyTruncated(),
                Instant.ofEpochMilli(record.timestamp()));
        byte[] bytes = Json.writeBytes(enriched);
        RecordMetadata meta = context.recordMetadata().orElse(null);
        if (bytes.length + ArticleLimits.HEADROOM_BYTES > limits.maxRecordBytes()) {
            context.forward(record.withValue(Analysed.rejected(tooLarge(meta, record.key(), article,
                    bytes.length + ArticleLimits.HEADROOM_BYTES))));
            return;
        }
        versions.put(article.id(), article.contentHash() == null ? "" : article.contentHash());
        kept.keep(enriched, bytes);
        context.forward(record.withValue(Analysed.of(StoryCandidate.of(enriched, meta == null ? 0 : meta.partition(),
                meta == null ? -1 : meta.offset()))));
    }

    /** The article with what the analyzer finds in it, kept within the limits; not yet in a story. */
    static EnrichedArticle enrich(ArticleAnalyzer analyzer, RawArticle article, boolean bodyTruncated,
                                  Instant enrichedAt) {
        ArticleAnalyzer.Analysis found = analyzer.analyze(article, ArticleLimits.MAX_TAGS, ArticleLimits.MAX_EVIDENCE,
                ArticleLimits.MAX_ENTITIES, ArticleLimits.MAX_AMOUNTS);
        return EnrichedArticle.of(article, found.tags(), found.entities(), found.amounts(), null, null, enrichedAt,
                bodyTruncated);
    }

    private DeadLetter tooLarge(RecordMetadata meta, String key, RawArticle article, int size) {
        IllegalArgumentException reason = new IllegalArgumentException("enriched article " + article.id()
                + " would be about " + size + " bytes, over enrich.max.record.bytes (" + limits.maxRecordBytes()
                + "); lower enrich.max.body.chars (" + limits.maxBodyChars() + ") or raise both limits with the "
                + "producer's max.request.size and the broker's message.max.bytes");
        return DeadLetter.fromRecord("enrich", reason, meta == null ? "unknown" : meta.topic(),
                meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset(),
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), Json.writeBytes(article));
    }
}
