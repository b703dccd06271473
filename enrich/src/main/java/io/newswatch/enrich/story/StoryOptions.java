package io.newswatch.enrich.story;

import java.time.Duration;

/**
 * How stories are formed.
 *
 * @param eventWindow   reports of the same event join one story when at most this far apart in time
 * @param retention     how long an article can still be joined by a later one (bounds the state)
 * @param nearDuplicate estimated Jaccard similarity of 3-word shingles from which a text is a copy
 * @param untaggedRetention how long an article without tags can be joined by a later copy (most articles are
 *                      untagged, and only tagged ones make alerts, so they are kept for less long)
 * @param maxArticles   most articles remembered at once (each costs about 2 KB of heap); the oldest go first
 */
public record StoryOptions(Duration eventWindow, Duration retention, double nearDuplicate, Duration untaggedRetention,
                           int maxArticles) {
    public static StoryOptions defaults() {
        return new StoryOptions(Duration.ofDays(3), Duration.ofDays(14), 0.5, Duration.ofDays(1), 100_000);
    }
}
