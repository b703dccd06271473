package io.newswatch.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rometools.rome.io.FeedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
    private final FeedReader reader = new FeedReader();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsRssItemsWithLinkTitleSummaryAndDate() throws FeedException {
        List<FeedItem> items = reader.read(bytes("""
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>
                <item><title>Guards repel raid</title><link>https://news.test/a1</link>
                <description>&lt;p&gt;Guards on the border fought off a group.&lt;/p&gt;</description>
                <pubDate>Tue, 10 Mar 2026 08:15:00 GMT</pubDate></item></channel></rss>"""));
        assertEquals(List.of(new FeedItem("https://news.test/a1", "Guards repel raid",
                "Guards on the border fought off a group.", Instant.parse("2026-03-10T08:15:00Z"))), items);
    }

    @Test
    void readsAtomEntries() throws FeedException {
        List<FeedItem> items = reader.read(bytes("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:x</id>
                <updated>2026-03-10T09:00:00Z</updated><entry><title>Summit opens</title><id>urn:e1</id>
                <link href="https://news.test/e1"/><updated>2026-03-10T09:00:00Z</updated></entry></feed>"""));
        assertEquals("https://news.test/e1", items.get(0).url());
        assertEquals(Instant.parse("2026-03-10T09:00:00Z"), items.get(0).publishedAt());
    }

    @Test
    void recoversAMalformedFeedAsAFeedReaderWould() throws FeedException {
        List<FeedItem> items = reader.read(bytes("""
                <rss version="2.0"><channel><title>Tom & Jerry News</title>
                <item><title>Talks & more talks</title><link>https://news.test/b1</link></item>
                <item><title>Unclosed</title><link>https://news.test/b2</link>
                </channel></rss>"""));
        assertEquals(List.of("https://news.test/b1", "https://news.test/b2"),
                items.stream().map(FeedItem::url).toList());
    }

    @Test
    void saysClearlyWhatIsNotAFeed() {
        FeedException e = assertThrows(FeedException.class, () -> reader.read(bytes("<html><body>Hello</body></html>")));
        assertEquals(true, e.getMessage().startsWith("not a feed"));
    }

    @Test
    void readsNewsSitemapsAndSitemapIndexes() throws IOException {
        SitemapReader sitemaps = new SitemapReader();
        SitemapReader.Sitemap urls = sitemaps.read(bytes("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                  xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>https://news.test/s1</loc><lastmod>2026-03-10T08:00:00Z</lastmod>
                <news:news><news:title>Raid repelled</news:title></news:news></url></urlset>"""),
                "application/xml", "https://news.test/sitemap.xml");
        assertEquals("https://news.test/s1", urls.articles().get(0).url());
        SitemapReader.Sitemap index = sitemaps.read(bytes("""
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>https://news.test/sitemap-news.xml</loc></sitemap></sitemapindex>"""),
                "application/xml", "https://news.test/sitemap.xml");
        assertEquals(List.of("https://news.test/sitemap-news.xml"), index.sitemaps());
    }
}
