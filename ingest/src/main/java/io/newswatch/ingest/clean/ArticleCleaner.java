package io.newswatch.ingest.clean;

import io.newswatch.ingest.language.LanguageIdentifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cleans a document's text into article text and metadata. Works line by line, because scraped pages keep their
 * chrome on lines of its own: each line is normalised and stripped of HTML residue, then dropped when it is
 * boilerplate, script code, or a short line repeated (captions and footers appear twice; paragraphs do not). The
 * header lines before the first real paragraph give the title, byline and date; the first paragraph's dateline
 * gives place, date and agency.
 */
public final class ArticleCleaner {
    /** A repeated line this short is a caption or a footer, and every copy goes. */
    private static final int MAX_REPEATED_WORDS = 30;
    private static final Pattern BY_LINE = Pattern.compile("^(?i:by|from|автор:?|текст:?)\\s+(\\p{Lu}.{2,100})$");
    private static final String NAME = "\\p{Lu}[\\p{L}'’.-]*";
    private static final Pattern NAME_LINE = Pattern.compile("^" + NAME + "(?:\\s+" + NAME + "){1,3}$");
    private static final Pattern CLOSING_BYLINE = Pattern.compile("^(?:--|—|–)\\s*(" + NAME + "(?:\\s+" + NAME + "){1,3})$");

    private final BoilerplateFilter boilerplate;

    public ArticleCleaner(BoilerplateFilter boilerplate) {
        this.boilerplate = boilerplate;
    }

    public static ArticleCleaner defaults() {
        return new ArticleCleaner(BoilerplateFilter.defaults());
    }

    private record Line(String text, int block) {
    }

    public CleanArticle clean(String text, Hints hints) {
        List<Line> lines = dropRepeats(keptLines(TextNormalizer.normalize(text)));

        String title = hints.title() == null ? null : TextNormalizer.oneLine(hints.title());
        String byline = hints.byline();
        Instant publishedAt = hints.publishedAt();
        String dateline = null;
        String source = hints.source();

        int bodyStart = firstParagraph(lines);
        List<Line> header = new ArrayList<>(lines.subList(0, bodyStart));
        List<Line> body = new ArrayList<>(lines.subList(bodyStart, lines.size()));

        if (title == null && !header.isEmpty() && looksLikeTitle(header.get(0).text())) {
            title = header.remove(0).text();
        }
        for (int i = 0; i < header.size(); i++) {
            String line = header.get(i).text();
            Optional<DateFinder.FoundDate> date = DateFinder.find(line);
            if (date.isPresent() && date.get().wholeLine()) {
                if (publishedAt == null) {
                    publishedAt = date.get().instant();
                }
                if (date.get().instant() == null && dateline == null) {
                    dateline = date.get().text();
                }
                header.remove(i--);
                continue;
            }
            var by = BY_LINE.matcher(line);
            if (byline == null && by.matches()) {
                byline = by.group(1).strip();
                header.remove(i--);
            } else if (byline == null && NAME_LINE.matcher(line).matches() && !line.equalsIgnoreCase(title)) {
                byline = line;
                header.remove(i--);
            }
        }
        if (!body.isEmpty()) {
            // A standfirst may come before the paragraph that opens with the dateline.
            Optional<Dateline> found = body.stream().limit(3).map(l -> Dateline.parse(l.text()))
                    .flatMap(Optional::stream).findFirst();
            if (found.isPresent()) {
                dateline = found.get().text();
                if (publishedAt == null) {
                    publishedAt = found.get().publishedAt();
                }
                if (found.get().agency() != null) {
                    source = found.get().agency();
                }
            }
            var closing = CLOSING_BYLINE.matcher(body.get(body.size() - 1).text());
            if (closing.matches()) {
                if (byline == null) {
                    byline = closing.group(1);
                }
                body.remove(body.size() - 1);
            }
        }
        List<Line> kept = new ArrayList<>(header);
        kept.addAll(body);
        String finalTitle = title;
        kept.removeIf(l -> l.text().equalsIgnoreCase(finalTitle));
        String bodyText = join(kept);
        String lang = hints.lang() != null ? hints.lang() : LanguageIdentifier.identify(bodyText);
        return new CleanArticle(title, byline, dateline, publishedAt, source, lang, bodyText);
    }

    private List<Line> keptLines(String normalized) {
        List<Line> lines = new ArrayList<>();
        int block = 0;
        for (String raw : normalized.split("\n", -1)) {
            if (raw.isBlank()) {
                block++;
                continue;
            }
            if (CodeLineDetector.isCode(raw)) {
                continue;
            }
            String line = TextNormalizer.oneLine(ImageResidue.stripGluedLabel(HtmlResidue.strip(raw)));
            if (line.isEmpty() || boilerplate.isBoilerplate(line) || CodeLineDetector.isCode(line)) {
                continue;
            }
            lines.add(new Line(line, block));
        }
        return lines;
    }

    private static List<Line> dropRepeats(List<Line> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (Line line : lines) {
            counts.merge(key(line.text()), 1, Integer::sum);
        }
        List<Line> kept = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (Line line : lines) {
            String key = key(line.text());
            boolean repeated = counts.get(key) > 1;
            if (repeated && wordCount(line.text()) <= MAX_REPEATED_WORDS) {
                continue;
            }
            if (repeated && seen.putIfAbsent(key, true) != null) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    private static String key(String line) {
        return line.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** Index of the first line that reads as a paragraph of the article rather than a header. */
    private static int firstParagraph(List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (wordCount(text) >= 20 || (wordCount(text) >= 8 && text.matches(".*[.!?\"”»]$"))) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean looksLikeTitle(String line) {
        int words = wordCount(line);
        return words >= 2 && words <= 30 && !line.endsWith(".") && DateFinder.find(line).filter(
                DateFinder.FoundDate::wholeLine).isEmpty();
    }

    private static int wordCount(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static String join(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        int block = -1;
        for (Line line : lines) {
            if (out.length() > 0) {
                out.append(line.block() == block ? "\n" : "\n\n");
            }
            out.append(line.text());
            block = line.block();
        }
        return out.toString();
    }
}
