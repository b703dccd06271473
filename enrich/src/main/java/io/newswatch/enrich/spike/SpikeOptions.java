package io.newswatch.enrich.spike;

import java.time.Duration;

/**
 * When an hour's count is a spike.
 *
 * @param ratio         the count must be at least this many times the baseline
 * @param minCount      and at least this many articles, so 1 against 0 is no spike
 * @param floor         the smallest baseline used, so a usually silent tag needs {@code ratio * floor} articles
 * @param warmUp        how long a tag is watched before its spikes count (its baseline is meaningless before)
 * @param baselineWeeks how many previous weeks' same hour make the baseline
 * @param severity      severity of spike alerts
 */
public record SpikeOptions(double ratio, int minCount, double floor, Duration warmUp, int baselineWeeks,
                           String severity) {
    public static SpikeOptions defaults() {
        return new SpikeOptions(3.0, 5, 1.0, Duration.ofDays(7), 4, "medium");
    }
}
