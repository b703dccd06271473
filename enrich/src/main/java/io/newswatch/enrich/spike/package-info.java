/**
 * Spike alerts: a tag's hourly article count compared with its own baseline for the same hour of the week, with a
 * minimum count and a warm-up, so a desk hears when coverage of a topic suddenly jumps.
 */
package io.newswatch.enrich.spike;
