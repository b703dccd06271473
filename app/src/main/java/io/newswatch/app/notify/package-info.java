/**
 * {@code newswatch notify}: delivers the alerts on the desk topics to people's channels — a signed JSON webhook and
 * a Slack-compatible chat message — each alert version once per channel, with retries and a dead-letter when a
 * channel keeps failing. Email is not built yet.
 */
package io.newswatch.app.notify;
