package io.newswatch.enrich.tagging.match;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
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
    /**
     * Prefix lengths by field and by a term's first two bytes: a term is only looked up with the lengths of the
     * prefixes that start like it, usually none.
     */
    private final Map<String, int[][]> prefixLengths = new HashMap<>();
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
        prefixIds.forEach((field, map) -> prefixLengths.put(field, lengthsByStart(map.keySet())));
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

    /**
     * The entries a text may match: anchored in it, and whose full condition holds. Fields in {@code indexed} are
     * read from its terms; any field in {@code raw} from its text, where a term or prefix counts as present when
     * it occurs as a substring (a superset: every token of a text is a substring of it).
     */
    List<Entry> candidates(LeafReader indexed, Map<String, String> raw) throws IOException {
        FixedBitSet present = new FixedBitSet(Math.max(1, entriesByAnchor.length));
        for (String field : fields) {
            Map<BytesRef, Integer> terms = termIds.getOrDefault(field, Map.of());
            Map<BytesRef, Integer> prefixes = prefixIds.getOrDefault(field, Map.of());
            String text = raw.get(field);
            if (text != null) {
                substrings.getOrDefault(field, Map.of()).forEach((term, id) -> {
                    if (text.contains(term)) {
                        present.set(id);
                    }
                });
            } else {
                markPresent(indexed.terms(field), terms, prefixes, prefixLengths.get(field), present);
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

    private static void markPresent(Terms textTerms, Map<BytesRef, Integer> terms, Map<BytesRef, Integer> prefixes,
                                    int[][] lengthsByStart, FixedBitSet present) throws IOException {
        if (textTerms == null) {
            return;
        }
        BytesRef view = new BytesRef();
        TermsEnum e = textTerms.iterator();
        for (BytesRef term = e.next(); term != null; term = e.next()) {
            Integer id = terms.get(term);
            if (id != null) {
                present.set(id);
            }
            int[] lengths = lengthsByStart == null || term.length == 0 ? null : lengthsByStart[start(term)];
            if (lengths == null) {
                continue;
            }
            for (int length : lengths) {
                if (length > term.length) {
                    break;
                }
                view.bytes = term.bytes;
                view.offset = term.offset;
                view.length = length;
                Integer prefixId = prefixes.get(view);
                if (prefixId != null) {
                    present.set(prefixId);
                }
            }
        }
    }

    /** A term's first two bytes (its first byte and 0 for one-byte terms), as an index into a 65536 table. */
    private static int start(BytesRef term) {
        int first = term.bytes[term.offset] & 0xFF;
        int second = term.length > 1 ? term.bytes[term.offset + 1] & 0xFF : 0;
        return first << 8 | second;
    }

    /**
     * For each two-byte start, the sorted lengths of the prefixes a term with that start can have. A one-byte
     * prefix is listed under every second byte.
     */
    private static int[][] lengthsByStart(Set<BytesRef> prefixes) {
        Map<Integer, Set<Integer>> lengths = new HashMap<>();
        for (BytesRef prefix : prefixes) {
            if (prefix.length == 1) {
                int first = prefix.bytes[prefix.offset] & 0xFF;
                for (int second = 0; second < 256; second++) {
                    lengths.computeIfAbsent(first << 8 | second, k -> new TreeSet<>()).add(1);
                }
            } else {
                lengths.computeIfAbsent(start(prefix), k -> new TreeSet<>()).add(prefix.length);
            }
        }
        int[][] table = new int[1 << 16][];
        lengths.forEach((start, set) -> table[start] = set.stream().mapToInt(Integer::intValue).toArray());
        return table;
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
