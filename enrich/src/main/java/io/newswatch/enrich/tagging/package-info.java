/**
 * Tagging articles with watch rules written in Lucene's query syntax, matched by {@code tagging.match}. Every tag
 * carries its evidence: the rule, the matched span (offsets into title or body) and a snippet around it.
 */
package io.newswatch.enrich.tagging;
