package io.newswatch.enrich.tagging.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * An immutable index from the terms and prefixes of stored queries to the queries. Every term or prefix any
 * condition names gets a number; a text is reduced to the set of numbers present in it (one hash lookup per term of
 * the text and per known prefix length), and conditions are then checked bit by bit. Each query is filed under the
 * anchors of its condition: for a conjunction one part is enough (the most selective: fewest and longest terms),
 * for a disjunction every part is needed; a query without anchors is always a candidate. Changing a query makes a
 * new index, so readers never lock.
 */
final class CandidateIndex {
    /** A stored query with its condition and traits. */
    record Entry(String id, Query query, Condition condition, QueryTraits traits) {
    }

    /** A condition compiled to checks on the numbers of the terms present in a text. */
    private sealed interface Check {
        boolean holds(FixedBitSet present);
    }

    private record Has(int id) implements Check {
        @Override
        public boolean holds(FixedBitSet present) {
            return present.get(id);
        }
    }

    private record AllOf(Check[] parts) implements Check {
        @Override
        public boolean holds(FixedBitSet present) {
            for (Check part : parts) {
                if (!part.holds(present)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record AnyOf(Check[] parts) implements Check {
        @Override
        public boolean holds(FixedBitSet present) {
            for (Check part : parts) {
                if (part.holds(present)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Pass() implements Check {
        @Override
        public boolean holds(FixedBitSet present) {
            return true;
        }
    }

    private final List<Entry> entries;
    private final Check[] checks;
    /** Numbers of terms and of prefixes, by field. */
    private final Map<String, Map<BytesRef, Integer>> termIds = new HashMap<>();
    private final Map<String, Map<BytesRef, Integer>> prefixIds = new HashMap<>();
    /** The same numbers by the terms and prefixes as strings, as a text's tokens are looked up. */
    private final Map<String, Map<String, Integer>> termNames = new HashMap<>();
    private final Map<String, Map<String, Integer>> prefixNames = new HashMap<>();
    /**
     * Prefix lengths by field and by a term's first two characters: a term is only looked up with the lengths of
     * the prefixes that start like it, usually none.
     */
    private final Map<String, PrefixLengths> prefixLengths = new HashMap<>();
    private final List<List<Integer>> anchoredBy = new ArrayList<>();
    private final int[][] entriesByAnchor;
    private final int[] always;
    /** Every field a condition reads, worked out once rather than per text. */
    private final Set<String> fields;
    /** Terms and prefixes as strings, by field, for fields read as raw text (decoded once, not per text). */
    private final Map<String, Map<String, Integer>> substrings = new HashMap<>();

    private CandidateIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.checks = new Check[this.entries.size()];
        List<Integer> unanchored = new ArrayList<>();
        for (int i = 0; i < this.entries.size(); i++) {
            Condition condition = this.entries.get(i).condition();
            checks[i] = compile(condition);
            List<Condition> anchors = anchors(condition);
            if (anchors == null) {
                unanchored.add(i);
                continue;
            }
            for (Condition anchor : anchors) {
                anchoredBy.get(number(anchor)).add(i);
            }
        }
        this.entriesByAnchor = anchoredBy.stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).distinct().toArray()).toArray(int[][]::new);
        anchoredBy.clear();
        termIds.forEach((field, map) -> termNames.put(field, byName(map)));
        prefixIds.forEach((field, map) -> prefixNames.put(field, byName(map)));
        prefixNames.forEach((field, map) -> prefixLengths.put(field, PrefixLengths.of(map.keySet())));
        this.always = unanchored.stream().mapToInt(Integer::intValue).toArray();
        Set<String> read = new TreeSet<>(termIds.keySet());
        read.addAll(prefixIds.keySet());
        this.fields = Set.copyOf(read);
        for (Map<String, Map<BytesRef, Integer>> ids : List.of(termIds, prefixIds)) {
            ids.forEach((field, byBytes) -> byBytes.forEach((bytes, id) ->
                    substrings.computeIfAbsent(field, f -> new HashMap<>()).put(bytes.utf8ToString(), id)));
        }
    }

    static CandidateIndex of(List<Entry> entries) {
        return new CandidateIndex(entries);
    }

    private int number(Condition leaf) {
        Map<String, Map<BytesRef, Integer>> ids = leaf instanceof Condition.Term ? termIds : prefixIds;
        String field = leaf instanceof Condition.Term t ? t.field() : ((Condition.Prefix) leaf).field();
        BytesRef bytes = leaf instanceof Condition.Term t ? t.term() : ((Condition.Prefix) leaf).prefix();
        return ids.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(bytes, b -> {
            anchoredBy.add(new ArrayList<>());
            return anchoredBy.size() - 1;
        });
    }

    private Check compile(Condition condition) {
        if (condition instanceof Condition.Term || condition instanceof Condition.Prefix) {
            return new Has(number(condition));
        }
        if (condition instanceof Condition.All all) {
            return new AllOf(all.parts().stream().map(this::compile).toArray(Check[]::new));
        }
        if (condition instanceof Condition.Any any) {
            return new AnyOf(any.parts().stream().map(this::compile).toArray(Check[]::new));
        }
        return new Pass();
    }

    private static Map<String, Integer> byName(Map<BytesRef, Integer> ids) {
        Map<String, Integer> out = new HashMap<>();
        ids.forEach((bytes, id) -> out.put(bytes.utf8ToString(), id));
        return out;
    }

    /**
     * The entries a text may match: anchored in it, and whose full condition holds. Fields in {@code raw} are read
     * from their text, where a term or prefix counts as present when it occurs as a substring (a superset: every
     * token of a text is a substring of it); any other field from its distinct terms ({@code terms}).
     */
    List<Entry> candidates(Function<String, Set<String>> terms, Map<String, String> raw) {
        FixedBitSet present = new FixedBitSet(Math.max(1, entriesByAnchor.length));
        for (String field : fields) {
            String text = raw.get(field);
            if (text != null) {
                substrings.getOrDefault(field, Map.of()).forEach((term, id) -> {
                    if (text.contains(term)) {
                        present.set(id);
                    }
                });
            } else {
                markPresent(terms.apply(field), termNames.getOrDefault(field, Map.of()),
                        prefixNames.getOrDefault(field, Map.of()), prefixLengths.get(field), present);
            }
        }
        FixedBitSet candidate = new FixedBitSet(Math.max(1, entries.size()));
        for (int i : always) {
            candidate.set(i);
        }
        for (int id = present.nextSetBit(0); id != DocIdSetIterator.NO_MORE_DOCS;
             id = id + 1 < present.length() ? present.nextSetBit(id + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            for (int entry : entriesByAnchor[id]) {
                candidate.set(entry);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (int i = candidate.nextSetBit(0); i != DocIdSetIterator.NO_MORE_DOCS;
             i = i + 1 < candidate.length() ? candidate.nextSetBit(i + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            if (checks[i].holds(present)) {
                out.add(entries.get(i));
            }
        }
        return out;
    }

    private static void markPresent(Set<String> textTerms, Map<String, Integer> terms, Map<String, Integer> prefixes,
                                    PrefixLengths lengths, FixedBitSet present) {
        for (String term : textTerms) {
            Integer id = terms.get(term);
            if (id != null) {
                present.set(id);
            }
            if (lengths == null || term.isEmpty()) {
                continue;
            }
            for (int length : lengths.of(term)) {
                if (length > term.length()) {
                    break;
                }
                Integer prefixId = prefixes.get(length == term.length() ? term : term.substring(0, length));
                if (prefixId != null) {
                    present.set(prefixId);
                }
            }
        }
    }

    /**
     * For each start of a term, the sorted lengths (in chars) of the prefixes that start like it: a table by the
     * first two characters (hashed into 65536 slots; a collision only costs a lookup), and one-character prefixes
     * by their character.
     */
    private record PrefixLengths(int[][] byStart, boolean[] oneChar) {
        private static final int[] NONE = {};
        private static final int[] ONE = {1};

        static PrefixLengths of(Set<String> prefixes) {
            Map<Integer, Set<Integer>> lengths = new HashMap<>();
            boolean[] oneChar = new boolean[1 << 16];
            for (String prefix : prefixes) {
                if (prefix.length() == 1) {
                    oneChar[prefix.charAt(0)] = true;
                } else if (prefix.length() > 1) {
                    lengths.computeIfAbsent(slot(prefix), k -> new TreeSet<>()).add(prefix.length());
                }
            }
            int[][] table = new int[1 << 16][];
            lengths.forEach((slot, set) -> table[slot] = set.stream().mapToInt(Integer::intValue).toArray());
            return new PrefixLengths(table, oneChar);
        }

        int[] of(String term) {
            int[] longer = term.length() > 1 ? byStart[slot(term)] : null;
            boolean one = oneChar[term.charAt(0)];
            if (longer == null) {
                return one ? ONE : NONE;
            }
            if (!one) {
                return longer;
            }
            int[] both = new int[longer.length + 1];
            both[0] = 1;
            System.arraycopy(longer, 0, both, 1, longer.length);
            return both;
        }

        private static int slot(String s) {
            return (s.charAt(0) * 31 + s.charAt(1)) & 0xFFFF;
        }
    }

    /** Terms or prefixes of which a matching text has at least one; null when there are none to rely on. */
    static List<Condition> anchors(Condition condition) {
        if (condition instanceof Condition.Term || condition instanceof Condition.Prefix) {
            return List.of(condition);
        }
        if (condition instanceof Condition.Any any) {
            List<Condition> union = new ArrayList<>();
            for (Condition part : any.parts()) {
                List<Condition> anchors = anchors(part);
                if (anchors == null) {
                    return null;
                }
                union.addAll(anchors);
            }
            return union;
        }
        if (condition instanceof Condition.All all) {
            List<Condition> best = null;
            for (Condition part : all.parts()) {
                List<Condition> anchors = anchors(part);
                if (anchors != null && (best == null || cost(anchors) < cost(best))) {
                    best = anchors;
                }
            }
            return best;
        }
        return null;
    }

    /** Long terms are rarer than short ones, and a prefix matches more words than a term. */
    private static double cost(List<Condition> anchors) {
        double cost = 0;
        for (Condition anchor : anchors) {
            cost += anchor instanceof Condition.Term t ? 1.0 / Math.max(1, t.term().length)
                    : 3.0 / Math.max(1, ((Condition.Prefix) anchor).prefix().length);
        }
        return cost;
    }
}
