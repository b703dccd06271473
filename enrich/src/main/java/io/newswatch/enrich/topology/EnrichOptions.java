package io.newswatch.enrich.topology;

import io.newswatch.enrich.spike.SpikeOptions;
import io.newswatch.enrich.story.StoryOptions;
import java.time.Duration;

/**
 * The tunable behaviour of the enrich topology.
 *
 * @param aggregateGrace how late (in event time) an article may arrive and still count in its window; a window's
 *                       final count is sent when its end plus this has passed
 * @param aggregateRetention how long (in record time) a closed window is remembered, so that an article arriving
 *                       after its window closed still updates it (as a revision) exactly once
 * @param partitions     partitions of the raw topic: the placements come back on as many, and alerts, spikes and
 *                       counts run on as many
 */
public record EnrichOptions(StoryOptions story, Duration aggregateGrace, Duration aggregateRetention,
                            SpikeOptions spike, ArticleLimits limits, int partitions) {
    public static EnrichOptions defaults() {
        return new EnrichOptions(StoryOptions.defaults(), Duration.ofDays(1), Duration.ofDays(7),
                SpikeOptions.defaults(), ArticleLimits.defaults(), 1);
    }

    public EnrichOptions withAggregateGrace(Duration grace) {
        return new EnrichOptions(story, grace, aggregateRetention, spike, limits, partitions);
    }

    public EnrichOptions withSpike(SpikeOptions newSpike) {
        return new EnrichOptions(story, aggregateGrace, aggregateRetention, newSpike, limits, partitions);
    }

    public EnrichOptions withLimits(ArticleLimits newLimits) {
        return new EnrichOptions(story, aggregateGrace, aggregateRetention, spike, newLimits, partitions);
    }

    /** With the raw topic's partition count, which every stage but the story stage uses. */
    public EnrichOptions withPartitions(int count) {
        return new EnrichOptions(story, aggregateGrace, aggregateRetention, spike, limits, count);
    }
}
