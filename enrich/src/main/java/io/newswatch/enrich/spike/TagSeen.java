package io.newswatch.enrich.spike;

/**
 * The first and latest hour (epoch milliseconds of its start, in event time) a tag was seen: the warm-up counts
 * from the first, and hours older than the baseline needs, counted back from the latest, are forgotten.
 */
public record TagSeen(long firstHour, long latestHour) {
    TagSeen with(long hour) {
        return new TagSeen(Math.min(firstHour, hour), Math.max(latestHour, hour));
    }
}
