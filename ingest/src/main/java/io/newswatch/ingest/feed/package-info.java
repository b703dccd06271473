/**
 * Finding new articles in feeds (RSS 2.0, Atom, with recovery from malformed XML) and sitemaps (news sitemaps and
 * sitemap indexes included).
 */
package io.newswatch.ingest.feed;
