package io.newswatch.ingest.extract;

import io.newswatch.ingest.language.StopWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article's paragraphs over the whole page, block by block, in the manner of jusText (Pomikálek, 2011):
 * each block of text is judged by its length, the share of its text inside links and the share of its words that
 * are the language's function words; then short and uncertain blocks take the verdict of their neighbours. It
 * needs no container to be right, so it finds articles that the container finder misses: text spread over many
 * sibling blocks, or a page whose best-scored container is something else.
 */
final class ParagraphClassifier {
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body",
            "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
            "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
            "menu", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
            "thead", "tr", "ul");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    static final int LENGTH_LOW = 70;
    static final int LENGTH_HIGH = 200;
    static final double STOPWORDS_LOW = 0.30;
    static final double STOPWORDS_HIGH = 0.32;
    static final double MAX_LINK_DENSITY = 0.2;
    /** A heading this close (in characters) before good text introduces it. */
    static final int MAX_HEADING_DISTANCE = 200;

    enum Verdict { GOOD, NEAR_GOOD, SHORT, BAD }

    /** One block of text as it appears on the page. */
    record Block(String text, int linkChars, boolean heading, Verdict verdict) {
        double linkDensity() {
            return text.isEmpty() ? 0 : (double) linkChars / text.length();
        }

        Block withVerdict(Verdict v) {
            return new Block(text, linkChars, heading, v);
        }
    }

    private final ExtractionLimits.Deadline deadline;

    ParagraphClassifier(ExtractionLimits.Deadline deadline) {
        this.deadline = deadline;
    }

    /** Every block with its final verdict, in page order. */
    List<Block> judge(List<Block> blocks, String lang) {
        CharArraySet stop = StopWords.of(lang);
        List<Block> judged = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            judged.add(b.withVerdict(contextFree(b, stop)));
        }
        return withContext(judged);
    }

    /** The page's text cut into blocks at block-level elements, links and headings noted. */
    List<Block> segment(Element root) {
        List<Block> blocks = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private final StringBuilder text = new StringBuilder();
            private int linkChars;
            private int inLink;
            private int inHeading;
            private boolean heading;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.text();
                    if (!s.isBlank()) {
                        if (text.length() > 0 && !Character.isWhitespace(text.charAt(text.length() - 1))
                                && Character.isWhitespace(s.charAt(0))) {
                            text.append(' ');
                        }
                        String stripped = text.length() == 0 ? s.stripLeading() : s;
                        text.append(stripped);
                        if (inLink > 0) {
                            linkChars += stripped.strip().length();
                        }
                        heading |= inHeading > 0;
                    } else if (text.length() > 0 && !s.isEmpty()) {
                        text.append(' ');
                    }
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("a")) {
                        inLink++;
                    } else if (tag.equals("br")) {
                        text.append(' ');
                    } else if (BLOCK_TAGS.contains(tag)) {
                        flush();
                        if (HEADINGS.contains(tag)) {
                            inHeading++;
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("a")) {
                        inLink--;
                    } else if (BLOCK_TAGS.contains(tag)) {
                        flush();
                        if (HEADINGS.contains(tag)) {
                            inHeading--;
                        }
                    }
                }
            }

            private void flush() {
                deadline.check();
                String s = text.toString().strip();
                if (!s.isEmpty()) {
                    blocks.add(new Block(s, Math.min(linkChars, s.length()), heading, Verdict.BAD));
                }
                text.setLength(0);
                linkChars = 0;
                heading = false;
            }
        }, root);
        return blocks;
    }

    static Verdict contextFree(Block b, CharArraySet stop) {
        String text = b.text();
        int length = text.length();
        double linkDensity = length == 0 ? 0 : (double) b.linkChars() / length;
        if (linkDensity > MAX_LINK_DENSITY) {
            return Verdict.BAD;
        }
        if (text.indexOf('©') >= 0 || text.toLowerCase(Locale.ROOT).contains("copyright")) {
            return Verdict.BAD;
        }
        if (length < LENGTH_LOW) {
            return b.linkChars() > 0 ? Verdict.BAD : Verdict.SHORT;
        }
        double density = stop == null ? proseDensity(text) : stopWordDensity(text, stop);
        if (density >= STOPWORDS_HIGH) {
            return length > LENGTH_HIGH ? Verdict.GOOD : Verdict.NEAR_GOOD;
        }
        return density >= STOPWORDS_LOW ? Verdict.NEAR_GOOD : Verdict.BAD;
    }

    static double stopWordDensity(String text, CharArraySet stop) {
        char[] lower = text.toLowerCase(Locale.ROOT).toCharArray();
        int words = 0;
        int stops = 0;
        int start = -1;
        for (int i = 0; i <= lower.length; i++) {
            boolean letter = i < lower.length && Character.isLetterOrDigit(lower[i]);
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                if (stop.contains(lower, start, i - start)) {
                    stops++;
                }
                start = -1;
            }
        }
        return words == 0 ? 0 : (double) stops / words;
    }

    /**
     * Without a function-word list (a language Lucene has none for, or unknown): sentences end with punctuation,
     * menus and labels do not. Scaled to sit on the same thresholds as the function-word share.
     */
    static double proseDensity(String text) {
        int ends = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？' || c == '،' || c == ',') {
                ends++;
            }
        }
        return ends == 0 ? 0 : 0.35;
    }

    /** Short and near-good blocks, and headings, take their verdict from the nearest clear neighbours. */
    static List<Block> withContext(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks);
        // Headings just before good text are near-good, whatever they scored alone.
        for (int i = 0; i < out.size(); i++) {
            Block b = out.get(i);
            if (b.heading() && b.verdict() == Verdict.SHORT) {
                int distance = 0;
                for (int j = i + 1; j < out.size() && distance <= MAX_HEADING_DISTANCE; j++) {
                    if (out.get(j).verdict() == Verdict.GOOD) {
                        out.set(i, b.withVerdict(Verdict.NEAR_GOOD));
                        break;
                    }
                    distance += out.get(j).text().length();
                }
            }
        }
        List<Block> resolvedShort = new ArrayList<>(out);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).verdict() != Verdict.SHORT) {
                continue;
            }
            Verdict prev = neighbour(out, i, -1, true);
            Verdict next = neighbour(out, i, 1, true);
            Verdict v;
            if (prev == Verdict.GOOD && next == Verdict.GOOD) {
                v = Verdict.GOOD;
            } else if (prev == Verdict.BAD && next == Verdict.BAD) {
                v = Verdict.BAD;
            } else if (prev == Verdict.BAD && neighbour(out, i, -1, false) == Verdict.NEAR_GOOD
                    || next == Verdict.BAD && neighbour(out, i, 1, false) == Verdict.NEAR_GOOD) {
                v = Verdict.GOOD;
            } else {
                v = Verdict.BAD;
            }
            resolvedShort.set(i, out.get(i).withVerdict(v));
        }
        List<Block> resolved = new ArrayList<>(resolvedShort);
        for (int i = 0; i < resolvedShort.size(); i++) {
            if (resolvedShort.get(i).verdict() != Verdict.NEAR_GOOD) {
                continue;
            }
            Verdict prev = neighbour(resolvedShort, i, -1, true);
            Verdict next = neighbour(resolvedShort, i, 1, true);
            resolved.set(i, resolvedShort.get(i).withVerdict(
                    prev == Verdict.BAD && next == Verdict.BAD ? Verdict.BAD : Verdict.GOOD));
        }
        return resolved;
    }

    /** The verdict of the nearest block in a direction that is not short (nor near-good, if asked); the page's edge is bad. */
    private static Verdict neighbour(List<Block> blocks, int from, int step, boolean skipNearGood) {
        for (int i = from + step; i >= 0 && i < blocks.size(); i += step) {
            Verdict v = blocks.get(i).verdict();
            if (v == Verdict.SHORT || skipNearGood && v == Verdict.NEAR_GOOD) {
                continue;
            }
            return v;
        }
        return Verdict.BAD;
    }
}
