package io.newswatch.enrich.aggregate;

import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.TagCount;
import io.newswatch.model.TagMatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/**
 * One article counted in one tag-window. Events are keyed and partitioned by the window, so each window is
 * counted by exactly one task however many partitions the article topics have.
 */
public record CountEvent(String tag, String window, Instant windowStart, Instant windowEnd, String articleId,
                         String storyId, String source) {

    /** Window sizes and their labels on the wire (ISO-8601; {@code Duration.toString()} would say PT24H). */
    public static final Map<String, Duration> WINDOWS = new java.util.LinkedHashMap<>(Map.of(
            "PT1H", Duration.ofHours(1), "P1D", Duration.ofDays(1)));

    public String key() {
        return TagCount.keyFor(tag, window, windowStart);
    }

    /** An event per tag of the article and per window size, on event time (published, else fetched). */
    public static List<KeyValue<String, CountEvent>> of(EnrichedArticle article) {
        List<KeyValue<String, CountEvent>> events = new ArrayList<>();
        long eventMs = article.eventTime().toEpochMilli();
        for (TagMatch tag : article.tags()) {
            for (var window : WINDOWS.entrySet()) {
                long size = window.getValue().toMillis();
                Instant start = Instant.ofEpochMilli(Math.floorDiv(eventMs, size) * size);
                CountEvent event = new CountEvent(tag.tag(), window.getKey(), start, start.plus(window.getValue()),
                        article.id(), article.storyId(), article.source());
                events.add(KeyValue.pair(event.key(), event));
            }
        }
        return events;
    }
}
