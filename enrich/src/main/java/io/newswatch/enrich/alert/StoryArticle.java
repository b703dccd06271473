package io.newswatch.enrich.alert;

import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.TagMatch;
import java.util.List;

/**
 * What an alert needs to know of one article placed in a story: who it is, where it is from, and its tags with a
 * little evidence each. It travels from the story stage to the alert stage keyed by story id, instead of the whole
 * article.
 *
 * @param tags the article's tags, strongest first, each with at most {@link #EVIDENCE_PER_TAG} evidence spans
 */
public record StoryArticle(String articleId, String storyId, String title, String url, String source,
                           List<TagMatch> tags) {
    /** As many spans per tag as an alert shows (see {@link AlertBuilder}). */
    public static final int EVIDENCE_PER_TAG = 2;
    private static final int MAX_TAGS = 16;

    public StoryArticle {
        tags = List.copyOf(tags);
    }

    /** The alert facts of an enriched article not yet in a story (its story id comes later, see {@link #inStory}). */
    public static StoryArticle of(EnrichedArticle article) {
        List<TagMatch> tags = article.tags().stream().limit(MAX_TAGS)
                .map(t -> t.evidence().size() <= EVIDENCE_PER_TAG ? t
                        : new TagMatch(t.tag(), t.score(), t.rules(), t.evidence().subList(0, EVIDENCE_PER_TAG)))
                .toList();
        return new StoryArticle(article.id(), article.storyId(), article.title(), article.url(), article.source(),
                tags);
    }

    public StoryArticle inStory(String story) {
        return new StoryArticle(articleId, story, title, url, source, tags);
    }

    public List<String> tagNames() {
        return tags.stream().map(TagMatch::tag).toList();
    }
}
