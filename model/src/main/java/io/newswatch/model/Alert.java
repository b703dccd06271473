package io.newswatch.model;

import java.time.Instant;
import java.util.List;

/**
 * What a monitoring desk receives on {@code newswatch.alerts}, keyed by story id. There is one alert per story per
 * alert rule: {@link #alertId()} is {@code <rule>:<story_id>}, and a later record with the same alert id is an update
 * of the earlier one (higher {@link #version()}), never a new alert.
 *
 * @param version    increases by one each time the alert changes; consumers keep the highest
 * @param articleIds every article of the story that matched, oldest first
 * @param evidence   the spans that made the tags, from the latest article
 */
public record Alert(
        String alertId,
        String rule,
        String severity,
        String desk,
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

    public static final int SCHEMA_VERSION = 1;

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
