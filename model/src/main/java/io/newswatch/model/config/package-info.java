/** Configuration shared by every worker: option declarations, loading from file and environment, topic creation. */
package io.newswatch.model.config;
