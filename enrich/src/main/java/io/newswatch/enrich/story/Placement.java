package io.newswatch.enrich.story;

/**
 * The story stage's answer for one article version, sent back to the partition the article came from.
 *
 * @param duplicateOf  the first copy this article repeats, or null
 * @param contentHash  which version of the article was placed
 * @param sourceOffset where that version is on the raw partition
 */
public record Placement(String articleId, String storyId, String duplicateOf, String contentHash, int sourcePartition,
                        long sourceOffset) {
}
