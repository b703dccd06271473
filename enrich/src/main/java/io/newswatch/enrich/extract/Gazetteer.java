package io.newswatch.enrich.extract;

import io.newswatch.enrich.RulesYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Known entities with their aliases, from {@code gazetteer.yaml} (or a deployment's own file). */
public record Gazetteer(List<Entry> entities) {
    public static final String DEFAULT_RESOURCE = "/io/newswatch/enrich/gazetteer.yaml";

    public Gazetteer {
        entities = List.copyOf(entities);
        Set<String> ids = new HashSet<>();
        for (Entry e : entities) {
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("gazetteer id " + e.id() + " is used twice");
            }
        }
    }

    /** One entity: a stable id, its type and canonical name, and its aliases as Lucene query clauses. */
    public record Entry(String id, String type, String name, List<String> aliases) {
        public Entry {
            if (aliases == null || aliases.isEmpty()) {
                throw new IllegalArgumentException("gazetteer entry " + id + " has no aliases");
            }
            aliases = List.copyOf(aliases);
        }

        String query() {
            return String.join(" OR ", aliases);
        }
    }

    public static Gazetteer defaults() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return RulesYaml.MAPPER.readValue(in, Gazetteer.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Gazetteer load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return RulesYaml.MAPPER.readValue(in, Gazetteer.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid gazetteer " + file + ": " + e.getMessage(), e);
        }
    }
}
