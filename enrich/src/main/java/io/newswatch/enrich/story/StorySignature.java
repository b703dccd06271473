package io.newswatch.enrich.story;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.newswatch.model.Amount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the story stage remembers of an article it has placed: enough to recognise a copy or a report of the same
 * event, but not the text.
 *
 * @param amounts  money amounts large enough to identify an event, as {@code value currency} keys
 * @param storedAt when the article reached the story stage (record time); retention counts from here
 */
public record StorySignature(String articleId, String storyId, String duplicateOf, String contentHash,
                             @JsonSerialize(using = MinHashJson.Write.class)
                             @JsonDeserialize(using = MinHashJson.Read.class) long[] minHash, List<String> amounts, List<String> tags, Instant publishedAt,
                             Instant fetchedAt, Instant storedAt) {

    /** Smaller sums ("$1 million", "5,000 roubles") are too common to say two reports are about one event. */
    static final double EVENT_AMOUNT_MINIMUM = 1_000_000;

    static List<String> amountKeys(List<Amount> amounts) {
        return amounts.stream().filter(a -> a.value() >= EVENT_AMOUNT_MINIMUM)
                .map(a -> String.format(Locale.ROOT, "%.6g %s", a.value(), a.currency())).distinct().sorted().toList();
    }

    /**
     * How far apart two articles are in time: publication times when both are known, else the times they were
     * fetched (an article without a date is news when it is fetched).
     */
    public Duration distance(StorySignature other) {
        boolean published = publishedAt != null && other.publishedAt != null;
        Instant a = published ? publishedAt : fetchedAt;
        Instant b = published ? other.publishedAt : other.fetchedAt;
        return Duration.between(a, b).abs();
    }

    /** The first copy: what a later copy's {@code duplicate_of} names. */
    public String original() {
        return duplicateOf == null ? articleId : duplicateOf;
    }
}
