package io.newswatch.enrich.story;

import io.newswatch.enrich.alert.StoryArticle;

/** An article placed in a story: the placement for its own partition, and its alert facts (null when untagged). */
public record Placed(Placement placement, StoryArticle article) {
}
