/**
 * The ingest worker: reads sources, turns each document into a clean {@link io.newswatch.model.RawArticle} and
 * produces it to {@code newswatch.articles.raw} with the idempotent producer; what cannot be read goes to the
 * dead-letter topic with its reason.
 */
package io.newswatch.ingest;
