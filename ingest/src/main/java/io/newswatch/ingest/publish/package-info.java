/**
 * Producing raw articles: the idempotent producer, and the index of what the raw topic already holds, so that
 * reading an unchanged source again produces nothing new.
 */
package io.newswatch.ingest.publish;
