/**
 * The sink worker: consumes alerts and aggregates and writes them to a database with idempotent upserts,
 * committing Kafka offsets only after the database transaction, so a crash or replay never doubles anything.
 */
package io.newswatch.sink;
