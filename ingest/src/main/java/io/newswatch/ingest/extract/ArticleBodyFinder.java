package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the article body in a parsed page, in the way of Arc90's Readability: page furniture is removed (scripts,
 * navigation, forms, and elements whose class or id names chrome, unless they hold most of the page's text);
 * every paragraph scores its parent and grandparent by its length and commas; a container's score is discounted
 * by its link density and moved by its class and id; the best container and those of its siblings that look like
 * more of the article are kept, and their blocks become paragraphs.
 */
final class ArticleBodyFinder {
    private static final String NEVER_TEXT = "script, style, noscript, template, iframe, svg, canvas, button, input, "
            + "select, textarea";
    private static final String REMOVED = "form, nav, aside, figcaption, [hidden], [aria-hidden=true], [role=navigation], "
            + "[role=banner], [role=complementary], [role=contentinfo], [role=dialog], [role=alert], "
            + "[itemprop=datePublished], [itemprop=dateModified], [itemprop=author], time.published, time.updated";
    private static final Pattern NEGATIVE = Pattern.compile(
            "(^|[\\s_-])(share|sharing|social|comment|comments|newsletter|subscribe|subscription|cookie|consent|"
                    + "related|recommend|recommended|promo|advert|advertisement|ad|ads|adslot|banner|breadcrumb|"
                    + "breadcrumbs|sidebar|menu|nav|navigation|footer|popup|modal|paywall|signup|login|tags|tag-list|"
                    + "author-bio|bio|read-more|more-stories|caption|credit|widget|trending|popular|outbrain|taboola|"
                    + "disqus|byline|dateline|timestamp|toolbar|masthead|skip|print|rating|pagination|pager|"
                    + "newsletter-signup|most-read|hidden|visually-hidden|sr-only)([\\s_-]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|main|page|post|text|blog|story|prose|rich-text|paragraph",
            Pattern.CASE_INSENSITIVE);
    private static final String PARAGRAPHS = "p, pre, td, blockquote";
    private static final String DIV_BLOCKS = "div, p, table, ul, ol, pre, blockquote, article, section, h1, h2, "
            + "h3, h4, h5, h6, dl, figure";
    private static final String BLOCKS = "p, pre, blockquote, li, h2, h3, h4, h5, h6, dd, dt, tr";
    // Parsed once: Element.is(String) parses its query on every call, which on a page of a hundred thousand
    // elements costs more than the extraction itself.
    private static final Evaluator IS_BLOCK = QueryParser.parse(BLOCKS);
    private static final Evaluator IS_ARTICLE_ROOT = QueryParser.parse("article, main, body, [itemprop=articleBody]");
    private static final Evaluator IS_FLOW_BLOCK = QueryParser.parse("p, h2, h3, h4, h5, h6, ul, ol, blockquote, pre, table");
    private static final Evaluator IS_QUOTE = QueryParser.parse("blockquote");
    private static final Evaluator IS_P = QueryParser.parse("p");
    private static final Evaluator IS_DIV = QueryParser.parse("div");
    private static final Evaluator IS_BR = QueryParser.parse("br");
    private static final Evaluator IS_SKIPPED = QueryParser.parse("h1, header, figure, img, picture, video, audio, table:has(table)");
    private static final Evaluator IS_ROW = QueryParser.parse("tr");
    private static final Evaluator IS_CELL = QueryParser.parse("td, th");
    private static final Evaluator IS_LIST_ITEM = QueryParser.parse("li, dd, dt");
    private static final Evaluator IS_ARTICLE_ELEMENT = QueryParser.parse("article, [itemprop=articleBody]");
    private static final Evaluator IS_MAIN = QueryParser.parse("article, [itemprop=articleBody], main");
    private static final Evaluator IS_INLINE = QueryParser.parse("a, b, strong, i, em, span, u, small, sup, sub, abbr, cite, code, q, mark, time, font, s, del, "
            + "ins, bdi, bdo, kbd, var, wbr");

    private final ExtractionLimits.Deadline deadline;

    ArticleBodyFinder(ExtractionLimits.Deadline deadline) {
        this.deadline = deadline;
    }

    String bodyText(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return "";
        }
        removeChrome(body);
        List<Element> kept = article(body);
        StringBuilder text = new StringBuilder();
        for (Element part : kept) {
            if (part.is(IS_BLOCK)) {
                appendBlock(part, text);
            } else {
                appendBlocks(part, text);
            }
        }
        return text.toString();
    }

    /** Scripts, forms, navigation and what is hidden: never part of an article, whichever way it is found. */
    static void removeFurniture(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return;
        }
        // Some blog engines ship the post as an HTML template for a script to insert: the article is in there.
        for (Element template : body.select("script[type~=(?i)text/(template|html|x-template)]")) {
            String html = template.data();
            if (html.contains("<p") || html.contains("<br") || html.contains("<div")) {
                template.after(html);
            }
        }
        body.select(NEVER_TEXT).remove();
        // An aside or a form that holds most of the page's paragraphs is the article in the wrong element (a whole
        // page inside an ASP.NET form, a story marked up as an aside), not furniture.
        int total = paragraphChars(body);
        for (Element e : body.select(REMOVED)) {
            if (e.parent() != null && paragraphChars(e) < total * 0.5) {
                e.remove();
            }
        }
    }

    /** Chrome by class or id goes, unless it holds a large share of the page's paragraph text. */
    private void removeChrome(Element body) {
        int total = paragraphChars(body);
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.select("[class], [id]")) {
            deadline.check();
            String names = e.className() + " " + e.id();
            if (NEGATIVE.matcher(names).find() && !e.is(IS_ARTICLE_ROOT)
                    && paragraphChars(e) < total * 0.3) {
                doomed.add(e);
            }
        }
        doomed.forEach(Element::remove);
    }

    /** Paragraph-like elements: paragraphs, and divs that hold text but no blocks (sites that write p as div). */
    private List<Element> paragraphs(Element body) {
        List<Element> out = new ArrayList<>(body.select(PARAGRAPHS));
        for (Element div : body.select("div")) {
            deadline.check();
            if (div.select(DIV_BLOCKS).size() == 1 && !div.text().isBlank()) { // select() includes the div
                out.add(div);
            }
        }
        return out;
    }

    private Map<Element, Double> scores(Element body) {
        Map<Element, Double> raw = new IdentityHashMap<>();
        for (Element p : paragraphs(body)) {
            deadline.check();
            String text = p.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + text.split("[,，、]", -1).length - 1 + Math.min(text.length() / 100.0, 3);
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            raw.merge(parent, score, Double::sum);
            Element grand = parent.parent();
            if (grand != null) {
                raw.merge(grand, score / 2, Double::sum);
            }
        }
        Map<Element, Double> finals = new IdentityHashMap<>();
        raw.forEach((e, score) -> {
            deadline.check();
            finals.put(e, (score + classWeight(e)) * (1 - linkDensity(e)));
        });
        return finals;
    }

    /**
     * The best container and the siblings that look like more of the article: scored at least a fifth of it, or
     * paragraphs of text with few links. Long articles are often cut into several sibling sections.
     */
    private List<Element> article(Element body) {
        Map<Element, Double> scores = scores(body);
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getValue() > best) {
                top = e.getKey();
                best = e.getValue();
            }
        }
        if (top == null) {
            return List.of(body);
        }
        // A container that is all of its parent's text stands for the parent, so that the parent's siblings (an
        // article cut into sections between figures) are weighed as more of the article.
        while (top.parent() != null && top.parent() != body && top.text().length() >= top.parent().text().length() * 0.98) {
            top = top.parent();
        }
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(10, best * 0.2);
        List<Element> kept = new ArrayList<>();
        for (Element sibling : parent.children()) {
            deadline.check();
            String text = sibling.text();
            if (sibling == top || sameKind(sibling, top) && linkDensity(sibling) < 0.5) {
                kept.add(sibling);
            } else if (scores.getOrDefault(sibling, 0.0) >= threshold && !(top.is(IS_ARTICLE_ELEMENT)
                    && !sibling.is(IS_ARTICLE_ELEMENT))) {
                // A page that marks its article as one says where it ends: a well-scored box beside it (a comment
                // thread, a product box) is not more of it; another article element may be (a story in parts).
                kept.add(sibling);
            } else if (paragraphLike(sibling) && text.length() > 80 && linkDensity(sibling) < 0.25) {
                kept.add(sibling);
            } else if (paragraphLike(sibling) && text.length() > 0 && linkDensity(sibling) == 0
                    && text.matches(".*[.!?]\"?$")) {
                kept.add(sibling);
            }
        }
        return withBlocksBetween(parent, kept);
    }

    /**
     * Headings, lists, quotes (embedded posts are quotes) and short paragraphs that sit between kept parts are part
     * of the article's flow, however little they score on their own.
     */
    private static List<Element> withBlocksBetween(Element parent, List<Element> kept) {
        if (kept.size() < 2) {
            return kept;
        }
        int first = kept.get(0).elementSiblingIndex();
        int last = kept.get(kept.size() - 1).elementSiblingIndex();
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children().subList(first, last + 1)) {
            if (kept.contains(sibling) || sibling.is(IS_FLOW_BLOCK)
                    && (sibling.is(IS_QUOTE) || linkDensity(sibling) < 0.5)) {
                out.add(sibling);
            }
        }
        return out;
    }

    /** Same tag and same first class name: more sections of the article ("articleBody", "articleBody v2"). */
    private static boolean sameKind(Element a, Element b) {
        if (!a.tagName().equals(b.tagName()) || a.classNames().isEmpty() || b.classNames().isEmpty()) {
            return false;
        }
        return a.classNames().iterator().next().equals(b.classNames().iterator().next());
    }

    /** A paragraph, or a div that only holds text (sites that write paragraphs as divs). */
    private static boolean paragraphLike(Element e) {
        return e.is(IS_P) || e.is(IS_DIV) && e.select(DIV_BLOCKS).size() == 1 && !e.text().isBlank();
    }

    /** The blocks among a container's children, with loose text between them as paragraphs of its own. */
    private void appendBlocks(Element container, StringBuilder text) {
        deadline.check();
        StringBuilder loose = new StringBuilder();
        for (Node child : container.childNodes()) {
            if (child instanceof TextNode t) {
                loose.append(t.text());
            } else if (child instanceof Element e && e.is(IS_BR)) {
                flush(loose, text);
            } else if (child instanceof Element e && isInline(e)) {
                loose.append(e.text());
            } else if (child instanceof Element e) {
                flush(loose, text);
                if (e.is(IS_BLOCK)) {
                    appendBlock(e, text);
                } else if (!e.is(IS_SKIPPED)) {
                    appendBlocks(e, text);
                }
            }
        }
        flush(loose, text);
    }

    private void appendBlock(Element block, StringBuilder text) {
        if (block.is(IS_ROW)) {
            // A table row reads as one line, its cells side by side.
            StringBuilder row = new StringBuilder();
            for (Element cell : block.children()) {
                if (cell.is(IS_CELL) && !cell.text().isBlank()) {
                    row.append(row.length() == 0 ? "" : " ").append(cell.text().strip());
                }
            }
            if (row.length() > 0 && linkDensity(block) <= 0.5) {
                text.append(row).append("\n\n");
            }
            return;
        }
        if (block.is(IS_LIST_ITEM) && linkDensity(block) > 0.5) {
            return; // lists of links are navigation, even inside the article
        }
        if (block.selectFirst("p, li, blockquote, pre") != null && !block.is(IS_P)) {
            appendBlocks(block, text);
            return;
        }
        String blockText = block.text().strip();
        if (!blockText.isEmpty()) {
            text.append(blockText).append("\n\n");
        }
    }

    private static void flush(StringBuilder loose, StringBuilder text) {
        String s = loose.toString().strip();
        if (s.length() > 0) {
            text.append(s).append("\n\n");
        }
        loose.setLength(0);
    }

    private static boolean isInline(Element e) {
        return e.is(IS_INLINE);
    }

    private static int paragraphChars(Element e) {
        int n = 0;
        for (Element p : e.select(PARAGRAPHS)) {
            n += p.text().length();
        }
        return n;
    }

    private static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, (double) links / total);
    }

    private static double classWeight(Element e) {
        String names = e.className() + " " + e.id();
        double w = 0;
        if (NEGATIVE.matcher(names).find()) {
            w -= 25;
        }
        if (POSITIVE.matcher(names).find()) {
            w += 25;
        }
        if (e.is(IS_MAIN)) {
            w += 25;
        }
        return w;
    }
}
