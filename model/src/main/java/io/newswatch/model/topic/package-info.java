/** The one place that names the topics and pairs each with its serdes. */
package io.newswatch.model.topic;
