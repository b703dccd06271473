package io.newswatch.ingest.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.clean.Hints;
import io.newswatch.ingest.extract.CharsetDetector;
import io.newswatch.ingest.fetch.TestClock;
import io.newswatch.model.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The one door: every route's input becomes an article or a rejection with a reason, cleaned the same way. */
class ArticleAssemblerTest {
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

    private final TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final ArticleAssembler assembler = new ArticleAssembler(ArticleAssembler.Limits.defaults(), clock);

    private Assembled bytes(byte[] bytes, String type, String url) {
        return assembler.assemble(ArticleInput.ofBytes("test", url, type, bytes, Hints.NONE, "Test Wire"));
    }

    private RawArticle article(byte[] bytes, String type, String url) {
        Assembled a = bytes(bytes, type, url);
        assertTrue(a.ok(), () -> String.valueOf(a.rejection()));
        return a.article();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheArticleParagraphsAndDropsTheChromeAroundThem() {
        RawArticle page = article(utf8(PAGE), "text/html", null);
        assertTrue(page.body().startsWith("Guards on the southern border fought off"), page.body());
        assertTrue(page.body().contains("\n\nThe service said the men had waited for fog"), "paragraphs stay apart");
        assertTrue(page.body().contains("Officials in the capital did not comment."));
        for (String chrome : new String[] {"Home", "Share on X", "file picture", "morning briefing", "First!",
            "All rights reserved", "Border guards repel raid"}) {
            assertFalse(page.body().contains(chrome), chrome + " in " + page.body());
        }
    }

    @Test
    void readsTheMetadataFromJsonLdAndMetaTagsAndTakesTheCanonicalUrl() {
        RawArticle page = article(utf8(PAGE), null, "https://steppe.test/x?utm_source=feed");
        assertEquals("Border guards repel raid", page.title());
        assertEquals("Dilnoza Karimova", page.byline());
        assertEquals(Instant.parse("2026-03-10T03:15:00Z"), page.publishedAt());
        assertEquals("en", page.lang());
        assertEquals("Steppe Monitor", page.source());
        assertEquals("https://steppe.test/news/border-raid", page.url());
    }

    @Test
    void givesTheSameArticleTheSameIdWhicheverRouteItCameBy() {
        RawArticle fetched = article(utf8(PAGE), "text/html; charset=utf-8",
                "https://steppe.test/news/border-raid?utm_source=rss&utm_medium=feed");
        RawArticle fromFile = assembler.assemble(ArticleInput.ofText("batch.jsonl:3",
                "https://STEPPE.test:443/news/border-raid#comments", ArticleInput.HTML, PAGE, Hints.NONE, "folder"))
                .article();
        assertEquals(fetched.id(), fromFile.id());
        assertEquals(fetched.contentHash(), fromFile.contentHash());
    }

    @Test
    void doesNotBelieveACanonicalLinkToAnotherSiteOrToTheFrontPage() {
        String elsewhere = PAGE.replace("https://steppe.test/news/border-raid", "https://partner.test/story/9");
        assertEquals("https://steppe.test/news/raid-9", article(utf8(elsewhere), "text/html",
                "https://steppe.test/news/raid-9").url());
        String front = PAGE.replace("https://steppe.test/news/border-raid", "https://steppe.test/");
        assertEquals("https://steppe.test/news/raid-9", article(utf8(front), "text/html",
                "https://steppe.test/news/raid-9").url(), "every article pointing at the front page would share an id");
    }

    @Test
    void takesTheFullBodyFromJsonLdWhenThePageShowsOnlyATeaser() {
        String teaser = """
                <html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":
                "The first paragraph of a long report on the new checkpoint.The second paragraph explains who will \
                run it, and when it opens to lorries.And a third adds what the traders in the bazaar think of it."}
                </script></head><body><article><p>The first paragraph of a long report on the new checkpoint.</p>
                <p><a href="/subscribe">Subscribe to read more</a></p></article></body></html>""";
        RawArticle page = article(utf8(teaser), "text/html", null);
        assertTrue(page.body().contains("\n\nThe second paragraph explains"), page.body());
        assertTrue(page.body().contains("traders in the bazaar"));
    }

    @Test
    void decodesWindows1251AndKoi8rWithoutACharsetHeaderOnEveryRoute() {
        String html = "<html><body><article><p>Пограничники Таджикистана сообщили о задержании группы "
                + "нарушителей на участке реки Пяндж, все задержанные доставлены на заставу.</p>"
                + "<p>По данным ведомства, никто из военнослужащих не пострадал в ходе операции.</p>"
                + "</article></body></html>";
        byte[] bytes = html.getBytes(Charset.forName("windows-1251"));
        assertEquals(Charset.forName("windows-1251"), CharsetDetector.detect(bytes, "text/html").charset());
        assertTrue(article(bytes, ArticleInput.HTML, null).body().contains("реки Пяндж"));
        assertEquals(Charset.forName("KOI8-R"), CharsetDetector.detect(html.getBytes(Charset.forName("KOI8-R")),
                null).charset());
        String text = "Пограничники Таджикистана сообщили о задержании группы нарушителей на участке реки Пяндж.";
        assertTrue(article(text.getBytes(Charset.forName("windows-1251")), ArticleInput.PLAIN, null).body()
                .contains("реки Пяндж"), "a .txt file in windows-1251 reads the same as a fetched page");
    }

    @Test
    void believesTheHeaderAndMetaCharsetButNotAFalseUtf8() {
        byte[] latin = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 \u00e0 Douchanb\u00e9</p>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("meta tag", CharsetDetector.detect(latin, null).how());
        assertEquals(Charset.forName("windows-1252"), CharsetDetector.detect(latin, "text/html; charset=utf-8")
                .charset(), "a declared UTF-8 that does not decode is not believed");
        assertEquals("HTTP header", CharsetDetector.detect(utf8("abc"), "text/html; charset=UTF-8").how());
    }

    @Test
    void treatsPlainTextAsText() {
        RawArticle page = article(utf8("Dushanbe, 10 March\n\nThe CSTO met today in the capital."), null, null);
        assertTrue(page.body().contains("The CSTO met today"));
        assertNull(page.url());
        assertEquals(page.contentHash().substring(0, 16), page.id(), "without a URL the id is the content's");
    }

    @Test
    void unpacksAGzipBodyAndRefusesOtherArchivesAndBinaries() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write(utf8(PAGE));
        }
        assertTrue(article(packed.toByteArray(), "text/html", null).body().startsWith("Guards on the southern"));
        assertEquals("compressed", bytes(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, null, null).rejection().code());
        assertEquals("binary", bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, null, null)
                .rejection().code());
        assertEquals("binary", bytes(new byte[] {'a', 'b', 0, 'c'}, ArticleInput.PLAIN, null).rejection().code());
    }

    @Test
    void rejectsEmptyAndBlankInputAndAPageWithNoArticleText() {
        assertEquals("empty", bytes(new byte[0], null, null).rejection().code());
        assertEquals("empty", bytes(utf8(" \n\t "), null, null).rejection().code());
        Assembled chrome = bytes(utf8("<html><body><nav><a href='/'>Home</a></nav></body></html>"), "text/html",
                "https://steppe.test/empty");
        assertEquals("no-text", chrome.rejection().code());
        assertTrue(chrome.rejection().reason().contains("no article text"), chrome.rejection().reason());
    }

    @Test
    void readsUtf16WithAByteOrderMark() {
        assertEquals("Привет, мир: пограничники сообщили.", article("\uFEFFПривет, мир: пограничники сообщили."
                .getBytes(StandardCharsets.UTF_16LE), ArticleInput.PLAIN, null).body());
    }

    @Test
    void repairsUtf8ThatWasReadAsLatin1ButLeavesRealLatin1Alone() {
        String russian = "Пограничники Таджикистана задержали группу нарушителей у реки Пяндж.";
        String mojibake = new String(utf8(russian), StandardCharsets.ISO_8859_1);
        assertEquals(russian, article(utf8(mojibake), ArticleInput.PLAIN, null).body());
        String french = "Le café à Douchanbé, où les gardes-frontières déjeunent, a fermé.";
        assertEquals(french, article(utf8(french), ArticleInput.PLAIN, null).body());
    }

    @Test
    void removesControlCharactersAndBidiOverridesFromEveryField() {
        String html = "<html><head><title>Raid\u202E at \u0007the border</title><meta name=author content='A.\u0000"
                + " Writer'><meta property=og:site_name content='Steppe\u202D Monitor'></head><body><article><p>Guards"
                + " repelled\u0000 an armed group at the river\u2066 overnight, officials said on Tuesday.</p>"
                + "</article></body></html>";
        RawArticle a = article(utf8(html), "text/html", "https://steppe.test/raid\u0000");
        assertEquals("Raid at the border", a.title().replace("  ", " "));
        assertEquals("A. Writer", a.byline());
        assertEquals("Steppe Monitor", a.source());
        assertFalse(a.body().contains("\u0000") || a.body().contains("\u2066"), a.body());
        assertFalse(a.url().contains("\u0000"), a.url());
    }

    @Test
    void dropsAPublicationDateFarInTheFuture() {
        RawArticle a = article(utf8("Budget plans\n\nMarch 3, 2099\n\nThe CSTO plans its budget for the next "
                + "decade, officials said after a long meeting in the capital on Tuesday."), ArticleInput.PLAIN, null);
        assertNull(a.publishedAt());
        assertEquals(clock.instant(), a.fetchedAt());
    }

    @Test
    void refusesAPageNestedAHundredThousandDeepWithinSeconds() {
        String deep = "<html><body>" + "<div>".repeat(100_000) + "Deep text." + "</div>".repeat(100_000) + "</body></html>";
        long started = System.nanoTime();
        Assembled a = bytes(utf8(deep), "text/html", null);
        assertEquals("too-complex", a.rejection().code());
        assertTrue(a.rejection().reason().contains("deep"), a.rejection().reason());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30, "bounded, not minutes");
    }

    @Test
    void refusesAPageOfAHundredThousandLinksWithAReason() {
        StringBuilder links = new StringBuilder("<html><body><div>");
        for (int i = 0; i < 100_000; i++) {
            links.append("<a href='/p").append(i).append("'>page ").append(i).append("</a> ");
        }
        Assembled a = bytes(utf8(links + "</div></body></html>"), "text/html", null);
        assertFalse(a.ok());
        assertTrue(java.util.Set.of("no-text", "too-complex", "too-large").contains(a.rejection().code()),
                a.rejection().toString());
    }

    @Test
    void refusesAnInputOverTheSizeLimitWithoutDecodingIt() {
        ArticleAssembler small = new ArticleAssembler(new ArticleAssembler.Limits(1024, 200_000,
                io.newswatch.ingest.extract.ExtractionLimits.defaults()), clock);
        Assembled a = small.assemble(ArticleInput.ofBytes("big.txt", null, null, new byte[4096], Hints.NONE, "x"));
        assertEquals("too-large", a.rejection().code());
    }
}
