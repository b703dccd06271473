/**
 * The messages Newswatch puts on its topics, as immutable records. Field names are written in snake_case on the
 * wire (see {@link io.newswatch.model.json.Json}); every message carries {@code schema_version}, and the JSON
 * Schemas under {@code src/main/resources/schemas} describe the contract for consumers in other languages.
 */
package io.newswatch.model;
