/**
 * {@code newswatch demo}: an embedded broker, all three workers in one process over a sample corpus, a wait until
 * every article has gone through, and a readable summary.
 */
package io.newswatch.app.demo;
