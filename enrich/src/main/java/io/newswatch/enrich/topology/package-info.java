/**
 * The enrich topology: raw articles are parsed (or dead-lettered), de-duplicated, tagged, and fanned out to the
 * enriched-article, alert and aggregate topics.
 */
package io.newswatch.enrich.topology;
