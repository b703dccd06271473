package io.newswatch.ingest.extract;

import io.newswatch.ingest.clean.DateFinder;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.ingest.language.LanguageIdentifier;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an HTML page: its metadata (JSON-LD first, then OpenGraph and meta tags, {@code <time>}, {@code <html lang>})
 * and its article body: two finders over the same page, a scored container ({@link ArticleBodyFinder}) and a
 * block classifier ({@link ParagraphClassifier}), weighed by {@link BodyChooser}; the JSON-LD body instead when the
 * page shows only part of it. The language is identified from the page's prose, the declared one used only when
 * the text is too short or mixed to tell.
 * A page over the {@link ExtractionLimits} is refused with a {@link PageTooComplexException}.
 */
public final class HtmlArticleExtractor {
    private final ExtractionLimits limits;

    public HtmlArticleExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    public HtmlArticleExtractor() {
        this(ExtractionLimits.defaults());
    }

    public HtmlDocument extract(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        checkShape(doc);
        ExtractionLimits.Deadline deadline = limits.start();
        JsonLdArticle ld = JsonLdArticle.of(doc);
        String byline = ld.author() != null ? ld.author() : meta(doc, "author", "article:author", "byl", "sailthru.author");
        Instant published = ld.datePublished() != null ? parseDate(ld.datePublished()) : null;
        String site = meta(doc, "og:site_name", "application-name");
        ArticleBodyFinder.removeFurniture(doc);
        ParagraphClassifier classifier = new ParagraphClassifier(deadline);
        List<ParagraphClassifier.Block> blocks = doc.body() == null ? List.of() : classifier.segment(doc.body());
        String identified = LanguageIdentifier.identify(prose(blocks));
        String lang = identified != null ? identified : language(doc);
        Hints hints = new Hints(title(doc) != null ? title(doc) : ld.headline(), byline,
                published != null ? published : publishedAt(doc), site != null ? site : ld.publisher(),
                lang != null ? lang : ld.language() == null ? null : ld.language().split("[-_]")[0]);
        String canonical = canonicalUrl(doc);
        String text = BodyChooser.choose(new ArticleBodyFinder(deadline).bodyText(doc), classifier.judge(blocks, lang));
        if (ld.articleBody() != null && words(ld.articleBody()) > words(text) * 1.3) {
            // The page shows part of the article (a teaser, a lazy-loaded rest); its JSON-LD has all of it.
            text = JsonLdBody.paragraphs(ld.articleBody());
        }
        return new HtmlDocument(text, hints, canonical, hints.source());
    }

    /** The page's longer blocks, where its language shows best. */
    private static String prose(List<ParagraphClassifier.Block> blocks) {
        StringBuilder sample = new StringBuilder();
        for (ParagraphClassifier.Block b : blocks) {
            if (b.text().length() >= ParagraphClassifier.LENGTH_LOW && b.linkChars() == 0) {
                sample.append(b.text()).append('\n');
                if (sample.length() > 3000) {
                    break;
                }
            }
        }
        return sample.toString();
    }

    /** Counts elements and depth without recursion, so that a page nested a hundred thousand deep is only counted. */
    private void checkShape(Document doc) {
        int[] elements = {0};
        int[] deepest = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element) {
                    elements[0]++;
                    deepest[0] = Math.max(deepest[0], depth);
                }
            }
        }, doc);
        if (elements[0] > limits.maxElements()) {
            throw new PageTooComplexException("page has " + elements[0] + " elements, over the limit of "
                    + limits.maxElements());
        }
        if (deepest[0] > limits.maxDepth()) {
            throw new PageTooComplexException("page nests elements " + deepest[0] + " deep, over the limit of "
                    + limits.maxDepth());
        }
    }

    private static String title(Document doc) {
        String og = meta(doc, "og:title", "twitter:title");
        if (og != null) {
            return og;
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        return doc.title().isBlank() ? null : doc.title().strip();
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static Instant parseDate(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return DateFinder.parse(text);
        }
    }

    private static Instant publishedAt(Document doc) {
        String declared = meta(doc, "article:published_time", "datePublished", "pubdate", "publishdate", "date",
                "dc.date", "dc.date.issued");
        if (declared == null) {
            Element time = doc.selectFirst("time[datetime]");
            declared = time == null ? null : time.attr("datetime");
        }
        return declared == null ? null : parseDate(declared);
    }

    private static String language(Document doc) {
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        if (lang.isBlank()) {
            lang = meta(doc, "og:locale", "language", "content-language");
        }
        if (lang == null || lang.isBlank()) {
            return null;
        }
        return lang.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    private static String canonicalUrl(Document doc) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link != null) {
            return link.absUrl("href").isEmpty() ? link.attr("href") : link.absUrl("href");
        }
        return meta(doc, "og:url");
    }

    private static String meta(Document doc, String... names) {
        for (String name : names) {
            Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name
                    + "], [itemprop=" + name + "][content]");
            if (e != null && !e.attr("content").isBlank()) {
                return e.attr("content").strip();
            }
        }
        return null;
    }
}
