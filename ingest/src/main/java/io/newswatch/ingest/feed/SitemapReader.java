package io.newswatch.ingest.feed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads sitemaps with crawler-commons: URL sets (news sitemaps included) give article URLs with their dates; a
 * sitemap index gives the sitemaps to read next.
 */
public final class SitemapReader {
    private final SiteMapParser parser = new SiteMapParser(false);

    /** The entries of a sitemap, and the child sitemaps when it is an index. */
    public record Sitemap(List<FeedItem> articles, List<String> sitemaps) {
    }

    public Sitemap read(byte[] bytes, String contentType, String url) throws IOException {
        AbstractSiteMap map;
        try {
            map = parser.parseSiteMap(contentType == null ? "text/xml" : contentType, bytes, new URL(url));
        } catch (UnknownFormatException e) {
            throw new IOException("not a sitemap: " + e.getMessage(), e);
        }
        if (map instanceof SiteMapIndex index) {
            List<String> children = new ArrayList<>();
            index.getSitemaps().forEach(m -> children.add(m.getUrl().toString()));
            return new Sitemap(List.of(), children);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SiteMapURL entry : ((SiteMap) map).getSiteMapUrls()) {
            items.add(new FeedItem(entry.getUrl().toString(), null, null,
                    entry.getLastModified() == null ? null : entry.getLastModified().toInstant()));
        }
        return new Sitemap(items, List.of());
    }
}
