/**
 * Which language a text is written in ({@link io.newswatch.ingest.language.LanguageIdentifier}, n-gram profiles of
 * 71 languages) and that language's commonest function words ({@link io.newswatch.ingest.language.StopWords}, from
 * Lucene's analysers), which tell running prose from page furniture in any language with a list.
 */
package io.newswatch.ingest.language;
