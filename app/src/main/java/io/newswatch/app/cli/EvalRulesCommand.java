package io.newswatch.app.cli;

import io.newswatch.enrich.tagging.RuleEvaluation;
import io.newswatch.enrich.tagging.Tagger;
import io.newswatch.model.Evidence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval-rules", mixinStandardHelpOptions = true,
        description = "Score the rules on hand-labelled JSON lines (id, text, optional title and lang, gold_tags): "
                + "per-tag precision, recall and F1, then every miss and false alarm with its evidence.")
public final class EvalRulesCommand implements Callable<Integer> {
    @Mixin
    RulesOptions rules;

    @Option(names = "--gold", required = true, paramLabel = "FILE.jsonl", description = "Labelled JSON lines.")
    Path gold;

    @Option(names = "--min-f1", paramLabel = "F1", description = "Exit with 1 when a tag's F1 is below this.")
    Double minF1;

    @Override
    public Integer call() throws Exception {
        List<RuleEvaluation.Labelled> texts = new ArrayList<>();
        for (TagInput.Line line : TagInput.read(gold)) {
            if (line.error() != null) {
                System.err.println("eval-rules: skipping " + line.error());
                continue;
            }
            TreeSet<String> goldTags = new TreeSet<>();
            if (line.json().has("gold_tags")) {
                line.json().get("gold_tags").forEach(t -> goldTags.add(t.asText()));
            }
            texts.add(new RuleEvaluation.Labelled(TagInput.text(line.json(), "id"), TagInput.text(line.json(), "title"),
                    TagInput.text(line.json(), "text"), TagInput.text(line.json(), "lang"), goldTags));
        }
        RuleEvaluation.Report report;
        try (Tagger tagger = new Tagger(rules.load())) {
            report = RuleEvaluation.evaluate(tagger, texts);
        }
        System.out.printf("%d texts%n%-14s %9s %9s %9s   tp  fp  fn%n", texts.size(), "tag", "precision", "recall", "F1");
        report.scores().values().forEach(s -> System.out.printf("%-14s %9.3f %9.3f %9.3f  %3d %3d %3d%n", s.tag(),
                s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives()));
        if (!report.errors().isEmpty()) {
            System.out.println();
        }
        for (RuleEvaluation.Error e : report.errors()) {
            System.out.printf("%s %s %s%n", e.falseAlarm() ? "FALSE ALARM" : "MISS       ", e.tag(), e.id());
            for (Evidence ev : e.evidence()) {
                System.out.printf("    %s \"%s\" (%s %d-%d): %s%n", ev.rule(), ev.text(), ev.field(), ev.start(),
                        ev.end(), ev.snippet() == null ? "" : ev.snippet().replaceAll("\\s+", " "));
            }
        }
        return minF1 != null && report.minF1() < minF1 ? 1 : 0;
    }
}
