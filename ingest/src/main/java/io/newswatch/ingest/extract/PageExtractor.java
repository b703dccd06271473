package io.newswatch.ingest.extract;

import io.newswatch.ingest.clean.ArticleCleaner;
import io.newswatch.ingest.clean.CleanArticle;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.ingest.fetch.CanonicalUrl;
import java.util.regex.Pattern;

/**
 * From a page's bytes to an article: the charset detected, the article found in the HTML (or the text taken as
 * it is), then cleaned line by line. What the {@code extract} command and the page fetcher share.
 */
public final class PageExtractor {
    private static final Pattern LOOKS_HTML = Pattern.compile("(?is)^\\s*(<!--.*?-->\\s*)*<(!doctype|html|head|body|meta|div|p)\\b");

    private final HtmlArticleExtractor html = new HtmlArticleExtractor();
    private final ArticleCleaner cleaner = ArticleCleaner.defaults();

    /**
     * @param contentType the HTTP {@code Content-Type}, or null for a file
     * @param url         where the page came from, or null
     */
    public ExtractedPage extract(byte[] bytes, String contentType, String url) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty input");
        }
        String text = CharsetDetector.decode(bytes, contentType);
        boolean isHtml = contentType != null ? contentType.toLowerCase().contains("html")
                : LOOKS_HTML.matcher(text.substring(0, Math.min(text.length(), 2048))).find();
        if (!isHtml) {
            CleanArticle clean = cleaner.clean(text, Hints.NONE);
            return new ExtractedPage(url == null ? null : CanonicalUrl.of(url), clean.title(), clean.byline(), clean.publishedAt(), clean.lang(),
                    clean.source(), clean.body());
        }
        HtmlDocument doc = html.extract(text, url);
        CleanArticle clean = cleaner.clean(doc.text(), doc.hints());
        String canonical = doc.canonicalUrl() != null ? doc.canonicalUrl() : url;
        return new ExtractedPage(canonical == null ? null : CanonicalUrl.of(canonical), clean.title(),
                clean.byline(), clean.publishedAt(), clean.lang(), doc.site(), clean.body());
    }
}
