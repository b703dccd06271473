package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses between the two answers to "where is the article": the scored container, which keeps the article's own
 * structure and rarely takes chrome, and the block classifier's paragraphs, which need no container and so find
 * text the container misses. The container wins unless it is nearly empty or the classifier found much more prose;
 * either way, blocks the classifier saw to be mostly links ("Read also: …", share bars) leave the container's text.
 */
final class BodyChooser {
    /** Fewer words than this is not an article, whatever container it came from. */
    static final int MIN_WORDS = 40;
    /** The classifier's prose is taken when it is this many times the container's. */
    static final double MUCH_LONGER = 2.0;
    /** A block this much inside links is a link list or a teaser, not the article's paragraph. */
    static final double LINK_BLOCK_DENSITY = 0.5;

    private BodyChooser() {
    }

    static String choose(String container, List<ParagraphClassifier.Block> judged) {
        String pruned = withoutTrailingLabels(withoutLinkBlocks(container, judged));
        String paragraphs = good(judged);
        int c = words(pruned);
        int p = words(paragraphs);
        return c < MIN_WORDS && p > c || p > MUCH_LONGER * c ? paragraphs : pruned;
    }

    private static String withoutLinkBlocks(String container, List<ParagraphClassifier.Block> judged) {
        Map<String, ParagraphClassifier.Block> byText = new HashMap<>();
        for (ParagraphClassifier.Block b : judged) {
            byText.putIfAbsent(squeeze(b.text()), b);
        }
        List<String> kept = new ArrayList<>();
        for (String paragraph : container.split("\n\n")) {
            ParagraphClassifier.Block b = byText.get(squeeze(paragraph));
            if (b == null || b.verdict() != ParagraphClassifier.Verdict.BAD
                    || b.linkDensity() <= LINK_BLOCK_DENSITY) {
                kept.add(paragraph);
            }
        }
        return String.join("\n\n", kept);
    }

    /** The shortest text that can close an article without a full stop ("Reuters", "(AP)" are kept anyway). */
    static final int TRAILING_LABEL_CHARS = 40;

    /**
     * Short lines without closing punctuation after the last sentence ("Related articles", "Read more:", "Share")
     * are the titles of the boxes that follow an article, not its end.
     */
    private static String withoutTrailingLabels(String text) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n")));
        while (paragraphs.size() > 1) {
            String last = paragraphs.get(paragraphs.size() - 1).strip();
            if (last.length() >= TRAILING_LABEL_CHARS || endsLikeASentence(last)) {
                break;
            }
            paragraphs.remove(paragraphs.size() - 1);
        }
        return String.join("\n\n", paragraphs);
    }

    private static boolean endsLikeASentence(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(line.length() - 1);
        return ".!?…\"'»”)。！？".indexOf(c) >= 0;
    }

    private static String good(List<ParagraphClassifier.Block> judged) {
        StringBuilder text = new StringBuilder();
        for (ParagraphClassifier.Block b : judged) {
            if (b.verdict() == ParagraphClassifier.Verdict.GOOD) {
                text.append(b.text()).append("\n\n");
            }
        }
        return text.toString();
    }

    private static String squeeze(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    static int words(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inWord) {
                n++;
            }
            inWord = letter;
        }
        return n;
    }
}
