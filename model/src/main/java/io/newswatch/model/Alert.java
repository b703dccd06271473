package io.newswatch.model;

import java.time.Instant;
import java.util.List;

/**
 * What a monitoring desk receives on {@code newswatch.alerts} and its desk topic, keyed by {@link #alertId()}.
 * A {@code story} alert exists once per story per alert rule ({@code <rule>:<story_id>}); a {@code spike} alert once
 * per tag and hour ({@code spike:<tag>:<hour>}). A later record with the same key is an update of the earlier one
 * (higher {@link #version()}), never a new alert, so a compacted topic or an upsert keeps exactly one per alert.
 *
 * @param kind       {@code story} or {@code spike}
 * @param reason     one line that says why the alert exists, for a person
 * @param storyId    the story, or null for a spike alert
 * @param version    increases by one each time the alert changes; consumers keep the highest
 * @param articleIds the articles of the story that matched, oldest first: the latest {@link #MAX_ARTICLE_IDS}
 * @param articleCount how many articles matched, all of them
 * @param sources    the sources of those articles, first seen first, at most {@link #MAX_SOURCES}
 * @param evidence   the spans that made the tags, from the latest article
 */
public record Alert(
        String alertId,
        String kind,
        String rule,
        String severity,
        String desk,
        String reason,
        List<String> tags,
        String storyId,
        List<String> articleIds,
        int articleCount,
        List<String> sources,
        String title,
        String url,
        String snippet,
        List<Evidence> evidence,
        Instant createdAt,
        Instant updatedAt,
        int version,
        int schemaVersion) {

    public static final int SCHEMA_VERSION = 2;
    public static final String STORY = "story";
    public static final String SPIKE = "spike";
    /** An alert lists this many article ids at most, so that a story of any size stays one small record. */
    public static final int MAX_ARTICLE_IDS = 200;
    public static final int MAX_SOURCES = 100;

    public Alert {
        tags = List.copyOf(tags);
        articleIds = List.copyOf(articleIds);
        sources = List.copyOf(sources);
        evidence = List.copyOf(evidence);
    }

    public static String idFor(String rule, String storyId) {
        return rule + ":" + storyId;
    }
}
