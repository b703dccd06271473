package io.newswatch.model.ops;

import java.util.Map;

/**
 * A worker's health as {@code /health} reports it: up or not, and details a person can read.
 */
public record Health(boolean up, Map<String, Object> details) {
    public static Health up(Map<String, Object> details) {
        return new Health(true, details);
    }

    public static Health down(Map<String, Object> details) {
        return new Health(false, details);
    }
}
