package io.newswatch.model;

import java.time.Instant;
import java.util.List;

/**
 * A raw article plus what enrich found in it; produced to {@code newswatch.articles.enriched}, keyed by id.
 * {@code story_id} groups coverage of the same event; {@code duplicate_of} names the first copy of a repeat;
 * {@code body_truncated} says the body was cut at enrich's limit (the tags, entities and amounts are those of the
 * text kept).
 */
public record EnrichedArticle(
        String id,
        String url,
        String source,
        String title,
        String byline,
        String dateline,
        Instant publishedAt,
        Instant fetchedAt,
        String lang,
        String body,
        String contentHash,
        List<TagMatch> tags,
        List<Entity> entities,
        List<Amount> amounts,
        String storyId,
        String duplicateOf,
        Instant enrichedAt,
        boolean bodyTruncated,
        int schemaVersion) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        tags = List.copyOf(tags);
        entities = entities == null ? List.of() : List.copyOf(entities);
        amounts = amounts == null ? List.of() : List.copyOf(amounts);
    }

    public static EnrichedArticle of(RawArticle raw, List<TagMatch> tags, List<Entity> entities,
                                     List<Amount> amounts, String storyId, String duplicateOf, Instant enrichedAt) {
        return of(raw, tags, entities, amounts, storyId, duplicateOf, enrichedAt, false);
    }

    public static EnrichedArticle of(RawArticle raw, List<TagMatch> tags, List<Entity> entities,
                                     List<Amount> amounts, String storyId, String duplicateOf, Instant enrichedAt,
                                     boolean bodyTruncated) {
        return new EnrichedArticle(raw.id(), raw.url(), raw.source(), raw.title(), raw.byline(), raw.dateline(),
                raw.publishedAt(), raw.fetchedAt(), raw.lang(), raw.body(), raw.contentHash(), tags, entities, amounts,
                storyId, duplicateOf, enrichedAt, bodyTruncated, SCHEMA_VERSION);
    }

    /** This article placed in a story; {@code duplicateOf} is null unless it is a copy of an earlier article. */
    public EnrichedArticle inStory(String story, String copyOf) {
        return new EnrichedArticle(id, url, source, title, byline, dateline, publishedAt, fetchedAt, lang, body,
                contentHash, tags, entities, amounts, story, copyOf, enrichedAt, bodyTruncated, schemaVersion);
    }

    public Instant eventTime() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }

    public List<String> tagNames() {
        return tags.stream().map(TagMatch::tag).toList();
    }
}
