package io.newswatch.enrich.spike;

import io.newswatch.model.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * One tagged article as the spike stage sees it, keyed by tag, so each tag's hours are counted by one task however
 * many partitions there are. Copies of an earlier article are not sent: a wire story republished twenty times is one
 * story's alert, not a spike.
 */
public record SpikeInput(String tag, String articleId, String source, String title, String url, Instant eventTime) {

    public static List<KeyValue<String, SpikeInput>> of(EnrichedArticle article) {
        if (article.duplicateOf() != null) {
            return List.of();
        }
        return article.tagNames().stream().distinct().map(tag -> KeyValue.pair(tag, new SpikeInput(tag, article.id(),
                article.source(), article.title(), article.url(), article.eventTime()))).toList();
    }
}
