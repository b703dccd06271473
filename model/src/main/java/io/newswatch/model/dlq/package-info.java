/** Dead letters: records that could not be processed, sent to {@code newswatch.dlq} with the reason in headers. */
package io.newswatch.model.dlq;
