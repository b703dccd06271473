/**
 * Story grouping: exact and near-duplicate copies (MinHash over word shingles) and reports of the same event from
 * different outlets (a shared amount of money and a shared tag within a time window) get one {@code story_id}.
 */
package io.newswatch.enrich.story;
