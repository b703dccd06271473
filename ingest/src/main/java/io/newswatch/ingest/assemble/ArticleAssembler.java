package io.newswatch.ingest.assemble;

import io.newswatch.ingest.clean.ArticleCleaner;
import io.newswatch.ingest.clean.CleanArticle;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.ingest.extract.ExtractionLimits;
import io.newswatch.ingest.extract.HtmlArticleExtractor;
import io.newswatch.ingest.extract.HtmlDocument;
import io.newswatch.ingest.extract.PageTooComplexException;
import io.newswatch.ingest.fetch.CanonicalUrl;
import io.newswatch.model.ContentHash;
import io.newswatch.model.RawArticle;
import io.newswatch.model.text.SafeText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes a raw article out of whatever arrived, the same way for every route (folder file, JSON line, feed item,
 * fetched page, {@code extract}): the bytes decoded ({@link BodyDecoder}), HTML extracted within the
 * {@link ExtractionLimits}, the text cleaned, every field rid of control characters and bidi overrides, the URL made
 * canonical, the content hashed and the id given (the canonical URL's hash, else the content's). Anything that does
 * not make an article is a {@link Rejection} with a reason, never an exception. Thread-safe.
 */
public final class ArticleAssembler {
    private static final Pattern LOOKS_HTML = Pattern.compile(
            "(?is)^\\s*(<!--.*?-->\\s*)*<(!doctype|html|head|body|meta|div|p|article|title)\\b");
    /** A publication date further ahead than this is a wrong date, not news from the future. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final Limits limits;
    private final Clock clock;
    private final BodyDecoder decoder;
    private final HtmlArticleExtractor extractor;
    private final ArticleCleaner cleaner = ArticleCleaner.defaults();

    /**
     * @param maxBytes     largest input (and largest gzip body once unpacked)
     * @param maxBodyChars longest clean body; a longer one is rejected (a book, not a news article)
     */
    public record Limits(long maxBytes, int maxBodyChars, ExtractionLimits extraction) {
        public static Limits defaults() {
            return new Limits(10L * 1024 * 1024, 200_000, ExtractionLimits.defaults());
        }
    }

    public ArticleAssembler(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.decoder = new BodyDecoder(limits.maxBytes());
        this.extractor = new HtmlArticleExtractor(limits.extraction());
    }

    public Assembled assemble(ArticleInput in) {
        String text = in.text();
        if (text == null) {
            if (in.bytes().length > limits.maxBytes()) {
                return Assembled.rejected(new Rejection(in.origin(), "too-large", "input is " + in.bytes().length
                        + " bytes, over the limit of " + limits.maxBytes(), BodyDecoder.sample(in.bytes())));
            }
            BodyDecoder.Decoded decoded = decoder.decode(in.origin(), in.bytes(), in.contentType());
            if (decoded.rejection() != null) {
                return Assembled.rejected(decoded.rejection());
            }
            text = decoded.text();
        }
        try {
            return build(in, text);
        } catch (PageTooComplexException e) {
            return reject(in, text, "too-complex", e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A page that trips a bug in extraction must not stop the others; the reason says which bug.
            return reject(in, text, "extraction-failed", "extraction failed: " + e);
        }
    }

    private Assembled build(ArticleInput in, String text) {
        Hints hints = in.hints();
        String declaredCanonical = null;
        String site = null;
        if (isHtml(in.contentType(), text)) {
            HtmlDocument doc = extractor.extract(text, in.url());
            text = doc.text();
            hints = merge(hints, doc.hints());
            declaredCanonical = doc.canonicalUrl();
            site = doc.site();
        }
        if (text.length() > 4L * limits.maxBodyChars()) {
            // Cleaning drops boilerplate lines, never three quarters of a page: no need to spend time on it.
            return reject(in, text, "too-large", "the page's text is " + text.length() + " characters, far over "
                    + "the limit of " + limits.maxBodyChars() + " (ingest.max.body.chars)");
        }
        hints = merge(hints, in.fallback());
        CleanArticle clean = cleaner.clean(text, hints.withSource(site != null ? site : in.defaultSource()));
        String body = SafeText.multiLine(clean.body()).strip();
        if (body.isBlank()) {
            return reject(in, text, "no-text", "no article text left after extraction and cleaning");
        }
        if (body.length() > limits.maxBodyChars()) {
            return reject(in, text, "too-large", "article body is " + body.length() + " characters, over the limit of "
                    + limits.maxBodyChars() + " (ingest.max.body.chars)");
        }
        String title = line(clean.title());
        String url = in.url() != null || declaredCanonical != null
                ? line(CanonicalUrl.choose(declaredCanonical, in.url() != null ? in.url() : declaredCanonical)) : null;
        Instant now = clock.instant();
        Instant published = clean.publishedAt();
        if (published != null && published.isAfter(now.plus(FUTURE_TOLERANCE))) {
            published = null; // a wrong date (year 2099, a time zone gone wrong twice over), not a real one
        }
        String contentHash = ContentHash.sha256((title == null ? "" : title) + "\n\n" + body);
        String id = url != null ? ContentHash.shortId(url) : contentHash.substring(0, 16);
        return Assembled.of(new RawArticle(id, url, line(clean.source()), title, line(clean.byline()),
                line(clean.dateline()), published, now, language(clean.lang()), body, contentHash,
                RawArticle.SCHEMA_VERSION));
    }

    private static boolean isHtml(String contentType, String text) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            if (type.contains("html") || type.contains("xml")) {
                return true;
            }
            if (type.startsWith("text/plain")) {
                return false;
            }
        }
        return LOOKS_HTML.matcher(text.substring(0, Math.min(text.length(), 2048))).find();
    }

    private static String line(String value) {
        if (value == null) {
            return null;
        }
        String clean = SafeText.oneLine(value).strip();
        return clean.isEmpty() ? null : clean;
    }

    private static String language(String lang) {
        String clean = line(lang);
        return clean == null || clean.length() > 35 ? null : clean;
    }

    private static Assembled reject(ArticleInput in, String text, String code, String reason) {
        byte[] original = in.bytes() != null ? BodyDecoder.sample(in.bytes()) : BodyDecoder.sample(text);
        return Assembled.rejected(new Rejection(in.origin(), code, reason, original));
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
