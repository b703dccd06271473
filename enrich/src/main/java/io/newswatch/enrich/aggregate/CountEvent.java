package io.newswatch.enrich.aggregate;

import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.TagCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/**
 * One article counted in one window of one count (a tag, a tag and source, or a pair of tags). Events are keyed and
 * partitioned by that count's window, so each window is counted by exactly one task however many partitions the
 * article topics have.
 *
 * @param source        the source of a per-source count, else null
 * @param coTag         the second tag of a pair count, else null
 * @param articleSource where the article came from (for the top sources of a tag count)
 * @param eventTime     the article's event time, which moves the counter's watermark
 */
public record CountEvent(String tag, String source, String coTag, String window, Instant windowStart,
                         Instant windowEnd, String articleId, String storyId, String articleSource,
                         Instant eventTime) {

    /** Window sizes and their labels on the wire (ISO-8601; {@code Duration.toString()} would say PT24H). */
    public static final Map<String, Duration> WINDOWS = new LinkedHashMap<>(Map.of(
            "PT1H", Duration.ofHours(1), "P1D", Duration.ofDays(1)));

    public String key() {
        return TagCount.keyFor(tag, source, coTag, window, windowStart);
    }

    /**
     * The events of an article: per window size, one per tag, one per tag and source, and one per pair of tags
     * (sorted, so a pair is counted once). Event time is the publication time, else the fetch time.
     */
    public static List<KeyValue<String, CountEvent>> of(EnrichedArticle article) {
        List<KeyValue<String, CountEvent>> events = new ArrayList<>();
        Instant eventTime = article.eventTime();
        List<String> tags = article.tagNames().stream().distinct().sorted().toList();
        for (var window : WINDOWS.entrySet()) {
            long size = window.getValue().toMillis();
            Instant start = Instant.ofEpochMilli(Math.floorDiv(eventTime.toEpochMilli(), size) * size);
            Instant end = start.plus(window.getValue());
            for (int i = 0; i < tags.size(); i++) {
                List<CountEvent> counts = new ArrayList<>();
                counts.add(new CountEvent(tags.get(i), null, null, window.getKey(), start, end, article.id(),
                        article.storyId(), article.source(), eventTime));
                if (article.source() != null) {
                    counts.add(new CountEvent(tags.get(i), article.source(), null, window.getKey(), start, end,
                            article.id(), article.storyId(), article.source(), eventTime));
                }
                for (int j = i + 1; j < tags.size(); j++) {
                    counts.add(new CountEvent(tags.get(i), null, tags.get(j), window.getKey(), start, end,
                            article.id(), article.storyId(), article.source(), eventTime));
                }
                counts.forEach(c -> events.add(KeyValue.pair(c.key(), c)));
            }
        }
        return events;
    }
}
