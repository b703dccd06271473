/**
 * A real Kafka broker inside the JVM: single node, KRaft combined mode, built from Kafka's own server jars. Used by
 * {@code newswatch demo} and by the integration tests; production runs against a real cluster instead.
 */
package io.newswatch.broker;
