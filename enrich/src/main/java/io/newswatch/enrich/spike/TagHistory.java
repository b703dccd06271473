package io.newswatch.enrich.spike;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tag's hourly counts over the baseline period, and the spike alert versions raised so far.
 *
 * @param firstSeen when the tag was first seen (in event time): the warm-up counts from here
 * @param hours     counts by the epoch millisecond of the hour's start
 */
public record TagHistory(Instant firstSeen, Map<Long, HourCount> hours) {
    static final long HOUR = Duration.ofHours(1).toMillis();
    static final long WEEK = Duration.ofDays(7).toMillis();

    public TagHistory {
        hours = new TreeMap<>(hours);
    }

    static TagHistory start(Instant firstSeen) {
        return new TagHistory(firstSeen, Map.of());
    }

    HourCount hour(long hourStart) {
        return hours.getOrDefault(hourStart, HourCount.EMPTY);
    }

    /** With {@code hourStart}'s count replaced, and hours older than the baseline needs forgotten. */
    TagHistory with(long hourStart, HourCount count, int baselineWeeks) {
        TreeMap<Long, HourCount> next = new TreeMap<>(hours);
        next.put(hourStart, count);
        long oldest = next.lastKey() - baselineWeeks * WEEK;
        next.headMap(oldest).clear();
        Instant first = Instant.ofEpochMilli(hourStart).isBefore(firstSeen) ? Instant.ofEpochMilli(hourStart) : firstSeen;
        return new TagHistory(first, next);
    }

    /** The mean count of one hour of the week over the previous weeks that were watched. */
    record Baseline(double mean, int weeks) {
    }

    /** The same hour of the week in up to {@code maxWeeks} previous weeks, counting only weeks that were watched. */
    Baseline baseline(long hourStart, int maxWeeks) {
        long watchedFrom = Math.floorDiv(firstSeen.toEpochMilli(), HOUR) * HOUR;
        int weeks = 0;
        long sum = 0;
        for (int k = 1; k <= maxWeeks && hourStart - k * WEEK >= watchedFrom; k++) {
            weeks++;
            sum += hour(hourStart - k * WEEK).count();
        }
        return new Baseline(weeks == 0 ? 0 : (double) sum / weeks, weeks);
    }
}
