package io.newswatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageExtractorTest {
    private static final String PAGE = """
            <!doctype html><html lang="en-GB"><head><title>Border guards repel raid | Steppe Monitor</title>
            <meta property="og:site_name" content="Steppe Monitor">
            <link rel="canonical" href="https://steppe.test/news/border-raid">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
             "headline":"Border guards repel raid","datePublished":"2026-03-10T08:15:00+05:00",
             "author":{"@type":"Person","name":"Dilnoza Karimova"}}</script></head>
            <body><nav><a href="/">Home</a><a href="/world">World</a></nav>
            <div class="share-bar"><a href="#">Share on X</a> <a href="#">Share by e-mail</a></div>
            <article><h1>Border guards repel raid</h1>
            <p>Guards on the southern border fought off an armed group that tried to cross the river at night, the
            border service said on Tuesday, adding that nobody on its side was hurt.</p>
            <figure><img src="a.jpg"><figcaption>A border post, in a file picture.</figcaption></figure>
            <p>The service said the men had waited for fog, which often settles over the valley in March, and that
            patrols had been reinforced along the whole of the section.</p>
            <div class="newsletter-signup"><p>Get our morning briefing, every day, free of charge.</p></div>
            <p>Officials in the capital did not comment.</p></article>
            <section class="comments"><p>First! This is outrageous, somebody should do something about it.</p></section>
            <footer><p>© Steppe Monitor. All rights reserved.</p></footer></body></html>
            """;

    private final PageExtractor extractor = new PageExtractor();

    @Test
    void keepsTheArticleParagraphsAndDropsTheChromeAroundThem() {
        ExtractedPage page = extractor.extract(PAGE.getBytes(StandardCharsets.UTF_8), "text/html", null);
        assertTrue(page.body().startsWith("Guards on the southern border fought off"), page.body());
        assertTrue(page.body().contains("\n\nThe service said the men had waited for fog"), "paragraphs stay apart");
        assertTrue(page.body().contains("Officials in the capital did not comment."));
        for (String chrome : new String[] {"Home", "Share on X", "file picture", "morning briefing", "First!",
            "All rights reserved", "Border guards repel raid"}) {
            assertFalse(page.body().contains(chrome), chrome + " in " + page.body());
        }
    }

    @Test
    void readsTheMetadataFromJsonLdAndMetaTags() {
        ExtractedPage page = extractor.extract(PAGE.getBytes(StandardCharsets.UTF_8), null, "https://steppe.test/x?utm_source=feed");
        assertEquals("Border guards repel raid", page.title());
        assertEquals("Dilnoza Karimova", page.byline());
        assertEquals(Instant.parse("2026-03-10T03:15:00Z"), page.publishedAt());
        assertEquals("en", page.lang());
        assertEquals("Steppe Monitor", page.site());
        assertEquals("https://steppe.test/news/border-raid", page.url());
    }

    @Test
    void takesTheFullBodyFromJsonLdWhenThePageShowsOnlyATeaser() {
        String teaser = """
                <html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":
                "The first paragraph of a long report on the new checkpoint.The second paragraph explains who will \
                run it, and when it opens to lorries.And a third adds what the traders in the bazaar think of it."}
                </script></head><body><article><p>The first paragraph of a long report on the new checkpoint.</p>
                <p><a href="/subscribe">Subscribe to read more</a></p></article></body></html>""";
        ExtractedPage page = extractor.extract(teaser.getBytes(StandardCharsets.UTF_8), "text/html", null);
        assertTrue(page.body().contains("\n\nThe second paragraph explains"), page.body());
        assertTrue(page.body().contains("traders in the bazaar"));
    }

    @Test
    void decodesAWindows1251PageWithoutACharsetHeader() {
        String html = "<html><body><article><p>Пограничники Таджикистана сообщили о задержании группы "
                + "нарушителей на участке реки Пяндж, все задержанные доставлены на заставу.</p>"
                + "<p>По данным ведомства, никто из военнослужащих не пострадал в ходе операции.</p>"
                + "</article></body></html>";
        byte[] bytes = html.getBytes(Charset.forName("windows-1251"));
        assertEquals(Charset.forName("windows-1251"), CharsetDetector.detect(bytes, "text/html").charset());
        assertTrue(extractor.extract(bytes, "text/html", null).body().contains("реки Пяндж"));
        assertEquals(Charset.forName("KOI8-R"), CharsetDetector.detect(html.getBytes(Charset.forName("KOI8-R")),
                null).charset());
    }

    @Test
    void believesTheHeaderAndMetaCharsetButNotAFalseUtf8() {
        byte[] latin = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 \u00e0 Douchanb\u00e9</p>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("meta tag", CharsetDetector.detect(latin, null).how());
        assertEquals(Charset.forName("windows-1252"), CharsetDetector.detect(latin, "text/html; charset=utf-8")
                .charset(), "a declared UTF-8 that does not decode is not believed");
        assertEquals("HTTP header", CharsetDetector.detect("abc".getBytes(StandardCharsets.UTF_8),
                "text/html; charset=UTF-8").how());
    }

    @Test
    void treatsPlainTextAsTextAndRefusesEmptyInput() {
        ExtractedPage page = extractor.extract("Dushanbe, 10 March\n\nThe CSTO met today in the capital."
                .getBytes(StandardCharsets.UTF_8), null, null);
        assertTrue(page.body().contains("The CSTO met today"));
        assertNull(page.url());
        assertThrows(IllegalArgumentException.class, () -> extractor.extract(new byte[0], null, null));
    }
}
