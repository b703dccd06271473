package io.newswatch.enrich.topology;

import io.newswatch.model.RawArticle;
import io.newswatch.model.dlq.DeadLetter;
import io.newswatch.model.json.Json;
import io.newswatch.model.text.SafeText;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Parses raw-topic bytes into articles. Anything that is not a valid article (not JSON, JSON null, missing fields, a
 * newer schema, a key that is not the article's id, an empty body) becomes a dead letter with its source offset;
 * nothing is dropped. Articles are cleaned and cut to the {@link ArticleLimits}, whoever produced them.
 */
public final class RawArticleParser implements FixedKeyProcessor<String, byte[], Parsed> {
    private final ArticleLimits limits;
    private FixedKeyProcessorContext<String, Parsed> context;

    public RawArticleParser(ArticleLimits limits) {
        this.limits = limits;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Parsed> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        // The raw record's headers are the producer's business; carried on, a producer's oversized header would make
        // every record derived from this one too large to write.
        context.forward(record.withValue(parse(record.key(), record.value())).withHeaders(new RecordHeaders()));
    }

    private Parsed parse(String key, byte[] value) {
        try {
            ArticleLimits.Clamped clamped = read(key, value, limits);
            return new Parsed(clamped.article(), clamped.bodyTruncated(), null);
        } catch (Exception e) {
            RecordMetadata meta = context.recordMetadata().orElse(null);
            DeadLetter letter = DeadLetter.fromRecord("enrich", e,
                    meta == null ? "unknown" : meta.topic(), meta == null ? -1 : meta.partition(),
                    meta == null ? -1 : meta.offset(), key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
            return new Parsed(null, false, letter);
        }
    }

    /**
     * The article a raw record holds, cleaned and cut to the limits.
     *
     * @throws IllegalArgumentException or an {@link java.io.IOException} with the reason it is not an article
     */
    static ArticleLimits.Clamped read(String key, byte[] value, ArticleLimits limits) throws java.io.IOException {
        if (value == null) {
            throw new IllegalArgumentException("record has no value (a tombstone is not an article)");
        }
        RawArticle article = Json.read(value, RawArticle.class);
        if (article == null) {
            throw new IllegalArgumentException("value is JSON null, not an article");
        }
        if (article.schemaVersion() > RawArticle.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schema_version " + article.schemaVersion()
                    + " is newer than this worker understands (" + RawArticle.SCHEMA_VERSION + ")");
        }
        if (key != null && !key.equals(article.id())) {
            throw new IllegalArgumentException("record key " + SafeText.summary(key, 80) + " is not the article id "
                    + SafeText.summary(article.id(), 80));
        }
        return limits.clamp(article);
    }
}
