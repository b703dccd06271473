/** Entities (from a gazetteer with Latin and Cyrillic aliases) and money amounts found in article text. */
package io.newswatch.enrich.extract;
