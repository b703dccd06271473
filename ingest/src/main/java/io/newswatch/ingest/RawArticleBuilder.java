package io.newswatch.ingest;

import io.newswatch.ingest.clean.ArticleCleaner;
import io.newswatch.ingest.clean.CleanArticle;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.ingest.extract.HtmlArticleExtractor;
import io.newswatch.ingest.extract.HtmlDocument;
import io.newswatch.ingest.folder.InputDocument;
import io.newswatch.ingest.folder.Rejection;
import io.newswatch.model.ContentHash;
import io.newswatch.model.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Turns a document into a raw article: extracts HTML, cleans the text, and gives it its stable id (the hash of its
 * URL when it has one, else of its cleaned text, so reading the same file twice gives the same id).
 */
public final class RawArticleBuilder {
    private final ArticleCleaner cleaner;
    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    private final Clock clock;
    private final int maxBodyChars;

    public RawArticleBuilder(ArticleCleaner cleaner, Clock clock, int maxBodyChars) {
        this.cleaner = cleaner;
        this.clock = clock;
        this.maxBodyChars = maxBodyChars;
    }

    /** Either an article or the reason there is none. */
    public record Built(RawArticle article, Rejection rejection) {
    }

    public Built build(InputDocument doc, String defaultSource) {
        String text = doc.content();
        Hints hints = doc.hints();
        String url = doc.url();
        if (doc.html()) {
            HtmlDocument extracted = extractor.extract(doc.content(), url);
            text = extracted.text();
            hints = merge(hints, extracted.hints());
            if (url == null) {
                url = extracted.canonicalUrl();
            }
        }
        CleanArticle clean = cleaner.clean(text, hints.withSource(defaultSource));
        byte[] original = doc.content().getBytes(StandardCharsets.UTF_8);
        if (clean.body().isBlank()) {
            return new Built(null, new Rejection(doc.origin(), "no-text", "no article text left after cleaning",
                    original));
        }
        if (clean.body().length() > maxBodyChars) {
            return new Built(null, new Rejection(doc.origin(), "too-large", "article body is " + clean.body().length()
                    + " characters, over the limit of " + maxBodyChars + " (ingest.max.body.chars)", original));
        }
        String contentHash = ContentHash.sha256((clean.title() == null ? "" : clean.title()) + "\n\n" + clean.body());
        String id = url != null ? ContentHash.shortId(url) : contentHash.substring(0, 16);
        RawArticle article = new RawArticle(id, url, clean.source(), clean.title(), clean.byline(), clean.dateline(),
                clean.publishedAt(), clock.instant(), clean.lang(), clean.body(), contentHash,
                RawArticle.SCHEMA_VERSION);
        return new Built(article, null);
    }

    /** Values the source declared win; the page's own metadata fills the gaps. */
    private static Hints merge(Hints declared, Hints page) {
        return new Hints(
                declared.title() != null ? declared.title() : page.title(),
                declared.byline() != null ? declared.byline() : page.byline(),
                declared.publishedAt() != null ? declared.publishedAt() : page.publishedAt(),
                declared.source() != null ? declared.source() : page.source(),
                declared.lang() != null ? declared.lang() : page.lang());
    }
}
