package io.newswatch.enrich.story;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.newswatch.enrich.alert.StoryArticle;
import io.newswatch.model.EnrichedArticle;
import java.time.Instant;
import java.util.List;

/**
 * What crosses to the single-partition story stage for one article: its signature (content hash, MinHash,
 * event-sized amounts, tags, times), where it came from, and the little an alert needs of it. Made on the article's
 * own partition, where the expensive work (shingling, hashing) runs in parallel; a few kilobytes at most, never the
 * text.
 *
 * @param sourcePartition the raw partition the article was read from: its placement goes back there
 * @param sourceOffset    its offset there, to read it again should it no longer be pending
 * @param article         what an alert needs of the article, or null when it has no tags
 */
public record StoryCandidate(String articleId, String contentHash, @JsonSerialize(using = MinHashJson.Write.class)
                             @JsonDeserialize(using = MinHashJson.Read.class) long[] minHash, List<String> amounts,
                             List<String> tags, Instant publishedAt, Instant fetchedAt, int sourcePartition,
                             long sourceOffset, StoryArticle article) {

    public static StoryCandidate of(EnrichedArticle enriched, int sourcePartition, long sourceOffset) {
        String text = (enriched.title() == null ? "" : enriched.title() + "\n") + enriched.body();
        return new StoryCandidate(enriched.id(), enriched.contentHash(), MinHash.of(text),
                StorySignature.amountKeys(enriched.amounts()), enriched.tagNames(), enriched.publishedAt(),
                enriched.fetchedAt(), sourcePartition, sourceOffset,
                enriched.tags().isEmpty() ? null : StoryArticle.of(enriched));
    }

    /** The signature the story stage keeps, placed in a story, stored at {@code storedAt}. */
    StorySignature signature(String storyId, String duplicateOf, Instant storedAt) {
        return new StorySignature(articleId, storyId, duplicateOf, contentHash, minHash, amounts, tags, publishedAt,
                fetchedAt, storedAt);
    }
}
