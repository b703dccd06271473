package io.newswatch.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Random watch rules of the shapes analysts write: phrases, proximity, AND/OR/NOT, prefixes, over words of a
 * realistic vocabulary (mostly not among the commonest, so most rules match few articles). Each rule is kept as a
 * small tree so it can be written both in Lucene's query syntax and as regular expressions.
 */
public final class AnalystRules {
    /** A rule as a tree. */
    public sealed interface Node {
    }

    record Word(String word) implements Node {
    }

    record Prefix(String prefix) implements Node {
    }

    /** Words within {@code slop} positions of each other, in any order (exact phrase when 0). */
    record Phrase(List<Node> parts, int slop) implements Node {
    }

    record And(List<Node> parts) implements Node {
    }

    record Or(List<Node> parts) implements Node {
    }

    record AndNot(Node include, Node exclude) implements Node {
    }

    private AnalystRules() {
    }

    /**
     * Words of rules are drawn, by their own frequency, from beyond the {@value #TOPICAL_RANK} commonest words:
     * analysts watch names, places and topical terms, not "said" or "government".
     */
    static final int TOPICAL_RANK = 1000;

    /** {@code count} rules by id, reproducible from {@code seed}. */
    public static Map<String, Node> generate(int count, long seed) {
        return generate(count, seed, TOPICAL_RANK);
    }

    /** Rules whose words are drawn from beyond the {@code minRank} commonest words. */
    static Map<String, Node> generate(int count, long seed, int minRank) {
        Vocabulary vocabulary = new Vocabulary(seed);
        Random random = new Random(seed * 31 + 7);
        Map<String, Node> rules = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            rules.put("r" + i, rule(vocabulary, random, minRank));
        }
        return rules;
    }

    private static Node rule(Vocabulary v, Random r, int minRank) {
        return switch (r.nextInt(6)) {
            case 0 -> new And(List.of(new Phrase(List.of(word(v, r, minRank), word(v, r, minRank)), 2 + r.nextInt(9)), word(v, r, minRank)));
            case 1 -> new And(List.of(new Or(List.of(word(v, r, minRank), word(v, r, minRank))), new Phrase(List.of(word(v, r, minRank),
                    word(v, r, minRank)), 0)));
            case 2 -> new AndNot(new And(List.of(word(v, r, minRank), word(v, r, minRank))), word(v, r, minRank));
            case 3 -> new Phrase(List.of(word(v, r, minRank), word(v, r, minRank)), 0);
            case 4 -> new And(List.of(prefix(v, r, minRank), new Phrase(List.of(word(v, r, minRank), word(v, r, minRank)), 5)));
            default -> new And(List.of(new Or(List.of(word(v, r, minRank), word(v, r, minRank), word(v, r, minRank))),
                    new Or(List.of(word(v, r, minRank), word(v, r, minRank)))));
        };
    }

    private static Word word(Vocabulary v, Random r, int minRank) {
        return new Word(v.zipfFrom(r, minRank));
    }

    private static Node prefix(Vocabulary v, Random r, int minRank) {
        String w;
        do {
            w = v.zipfFrom(r, minRank);
        } while (w.length() < 6);
        return new Prefix(w.substring(0, 4 + r.nextInt(2)));
    }

    /** The rule in Lucene's (complex-phrase) query syntax. */
    static String lucene(Node node) {
        if (node instanceof Word w) {
            return w.word();
        }
        if (node instanceof Prefix p) {
            return p.prefix() + "*";
        }
        if (node instanceof Phrase p) {
            return "\"" + p.parts().stream().map(AnalystRules::lucene).collect(Collectors.joining(" ")) + "\""
                    + (p.slop() > 0 ? "~" + p.slop() : "");
        }
        if (node instanceof And a) {
            return "(" + a.parts().stream().map(AnalystRules::lucene).collect(Collectors.joining(" AND ")) + ")";
        }
        if (node instanceof Or o) {
            return "(" + o.parts().stream().map(AnalystRules::lucene).collect(Collectors.joining(" OR ")) + ")";
        }
        AndNot n = (AndNot) node;
        return "(" + lucene(n.include()) + " AND NOT " + lucene(n.exclude()) + ")";
    }

    /** All rules in Lucene syntax. */
    public static Map<String, String> lucene(Map<String, Node> rules) {
        Map<String, String> out = new LinkedHashMap<>();
        rules.forEach((id, node) -> out.put(id, lucene(node)));
        return out;
    }

    static List<String> words(Node node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Word w) {
            out.add(w.word());
        } else if (node instanceof Prefix p) {
            out.add(p.prefix());
        } else if (node instanceof Phrase p) {
            p.parts().forEach(n -> collect(n, out));
        } else if (node instanceof And a) {
            a.parts().forEach(n -> collect(n, out));
        } else if (node instanceof Or o) {
            o.parts().forEach(n -> collect(n, out));
        } else if (node instanceof AndNot n) {
            collect(n.include(), out);
            collect(n.exclude(), out);
        }
    }
}
