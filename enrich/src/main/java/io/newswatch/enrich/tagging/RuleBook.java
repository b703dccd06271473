package io.newswatch.enrich.tagging;

import io.newswatch.model.config.ConfigProblem;
import io.newswatch.enrich.RulesYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tags and watch rules of a deployment, read from a YAML rules file. The default taxonomy ships as
 * {@code default-rules.yaml}; a deployment points {@code enrich.rules.file} at its own.
 */
public record RuleBook(Map<String, TagDefinition> tags, List<WatchRule> rules) {
    public static final String DEFAULT_RESOURCE = "/io/newswatch/enrich/default-rules.yaml";


    public RuleBook {
        tags = Map.copyOf(tags);
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (WatchRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new ConfigProblem("rule id " + rule.id() + " is used twice");
            }
            if (!tags.containsKey(rule.tag())) {
                throw new ConfigProblem("rule " + rule.id() + " names tag " + rule.tag()
                        + ", which the rules file does not define under 'tags'");
            }
        }
    }

    /**
     * A tag and the score its rules must reach together.
     *
     * @param threshold sum of rule scores needed for the tag (so one weak mention is not enough)
     */
    public record TagDefinition(String description, Double threshold) {
        public TagDefinition {
            threshold = threshold == null ? 1.0 : threshold;
        }
    }

    private record RulesFile(Map<String, TagDefinition> tags, List<WatchRule> rules) {
    }

    public static RuleBook defaults() {
        try (InputStream in = RuleBook.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleBook load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new ConfigProblem("cannot read rules file " + file + ": " + e.getMessage(), e);
        }
    }

    private static RuleBook parse(InputStream in, String origin) throws IOException {
        try {
            RulesFile file = RulesYaml.MAPPER.readValue(in, RulesFile.class);
            return new RuleBook(new LinkedHashMap<>(file.tags()), file.rules());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigProblem("invalid rules file " + origin + ": " + e.getMessage(), e);
        }
    }
}
