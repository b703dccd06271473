package io.newswatch.enrich.story;

/**
 * The story stage's answer for one article, sent back to the partition the article came from.
 *
 * @param duplicateOf the first copy this article repeats, or null
 */
public record Placement(String articleId, String storyId, String duplicateOf, int sourcePartition) {
}
