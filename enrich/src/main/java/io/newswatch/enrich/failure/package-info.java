/**
 * What enrich does when a record cannot be processed or its result cannot be written: the record goes to the
 * dead-letter topic with the reason, and processing goes on. Under exactly-once a refused write aborts the whole
 * transaction, so the record that caused it is remembered and dead-lettered when it comes round again, instead of
 * being retried for ever.
 */
package io.newswatch.enrich.failure;
