/**
 * The enrich worker: a Kafka Streams application ({@code exactly_once_v2}) that turns raw articles into enriched
 * articles, alerts and windowed tag counts. Scale it by running more instances with the same application id.
 */
package io.newswatch.enrich;
