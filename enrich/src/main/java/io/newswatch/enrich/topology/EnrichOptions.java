package io.newswatch.enrich.topology;

import io.newswatch.enrich.spike.SpikeOptions;
import io.newswatch.enrich.story.StoryOptions;
import java.time.Duration;

/**
 * The tunable behaviour of the enrich topology.
 *
 * @param aggregateGrace how late (in event time) an article may arrive and still count in its window; a window's
 *                       final count is sent when its end plus this has passed
 */
public record EnrichOptions(StoryOptions story, Duration aggregateGrace, SpikeOptions spike) {
    public static EnrichOptions defaults() {
        return new EnrichOptions(StoryOptions.defaults(), Duration.ofDays(1), SpikeOptions.defaults());
    }

    public EnrichOptions withAggregateGrace(Duration grace) {
        return new EnrichOptions(story, grace, spike);
    }
}
