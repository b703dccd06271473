package io.newswatch.enrich.tagging;

import io.newswatch.model.Evidence;
import io.newswatch.model.TagMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Scores a rule book against hand-labelled texts: per-tag precision, recall and F1, and every miss and false
 * alarm with the evidence behind it, so an analyst can test a rule change before shipping it.
 */
public final class RuleEvaluation {
    /** One labelled text. */
    public record Labelled(String id, String title, String text, String lang, Set<String> goldTags) {
    }

    /** A wrong call: a gold tag not given (miss), or a tag given that gold does not have (false alarm). */
    public record Error(String id, String tag, boolean falseAlarm, List<Evidence> evidence) {
    }

    public record TagScore(String tag, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public record Report(Map<String, TagScore> scores, List<Error> errors) {
        public double minF1() {
            return scores.values().stream().mapToDouble(TagScore::f1).min().orElse(1.0);
        }
    }

    private RuleEvaluation() {
    }

    public static Report evaluate(Tagger tagger, List<Labelled> texts) {
        Map<String, int[]> counts = new TreeMap<>();
        tagger.ruleBook().tags().keySet().forEach(t -> counts.put(t, new int[3]));
        List<Error> errors = new ArrayList<>();
        for (Labelled text : texts) {
            List<TagMatch> tags = tagger.tag(text.title(), text.text(), text.lang());
            Set<String> given = tags.stream().map(TagMatch::tag).collect(Collectors.toCollection(TreeSet::new));
            for (String tag : counts.keySet()) {
                boolean gold = text.goldTags().contains(tag);
                boolean got = given.contains(tag);
                if (gold && got) {
                    counts.get(tag)[0]++;
                } else if (got) {
                    counts.get(tag)[1]++;
                    errors.add(new Error(text.id(), tag, true, tags.stream().filter(t -> t.tag().equals(tag))
                            .findFirst().map(TagMatch::evidence).orElse(List.of())));
                } else if (gold) {
                    counts.get(tag)[2]++;
                    errors.add(new Error(text.id(), tag, false, List.of()));
                }
            }
        }
        Map<String, TagScore> scores = new TreeMap<>();
        counts.forEach((tag, c) -> scores.put(tag, new TagScore(tag, c[0], c[1], c[2])));
        return new Report(scores, errors);
    }
}
