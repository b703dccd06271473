/** JSON mapping and Kafka serdes for the message records. */
package io.newswatch.model.json;
