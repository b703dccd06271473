/** What operators read from a running worker: Prometheus metrics on {@code /metrics} and a health check on {@code /health}. */
package io.newswatch.model.ops;
