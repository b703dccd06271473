package io.newswatch.app.demo;

import io.newswatch.ingest.IngestStats;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.Evidence;
import io.newswatch.model.TagMatch;
import io.newswatch.model.json.Json;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Prints what the demo found: articles in, tags per article, alerts with their evidence, and counts. */
public final class DemoSummary {
    private final PrintStream out;

    public DemoSummary(PrintStream out) {
        this.out = out;
    }

    public void print(IngestStats ingest, List<EnrichedArticle> articles, String jdbcUrl) throws SQLException {
        out.println();
        out.println("== Articles in");
        out.printf("  %d files read, %d articles produced, %d unchanged, %d rejected %s%n", ingest.files(),
                ingest.produced(), ingest.unchanged(), ingest.rejectedTotal(),
                ingest.rejectedTotal() == 0 ? "" : ingest.rejectedByReason());
        out.println();
        out.println("== Tags per article (" + articles.size() + " enriched)");
        articles.stream().sorted(Comparator.comparing(a -> String.valueOf(a.title()))).forEach(a -> {
            out.printf("  %s%n    %s | %s | %s | story %s%s%n", a.title() == null ? "(no title) " + a.id() : a.title(),
                    a.source(), a.publishedAt() == null ? "date unknown" : a.publishedAt(),
                    a.tags().isEmpty() ? "no tags" : tagsLine(a.tags()), a.storyId(),
                    a.duplicateOf() == null ? "" : " (copy of " + a.duplicateOf() + ")");
        });
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement s = db.createStatement()) {
            printAlerts(s);
            printCounts(s);
        }
    }

    private void printAlerts(Statement s) throws SQLException {
        List<String> lines = new ArrayList<>();
        int n = 0;
        try (ResultSet rs = s.executeQuery("SELECT severity, rule, desk, title, article_count, sources, evidence, "
                + "alert_id, reason FROM alerts ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 "
                + "WHEN 'medium' THEN 2 ELSE 3 END, rule, title")) {
            while (rs.next()) {
                n++;
                lines.add(String.format("  [%s] %s: %s%n    %s%n    desk %s, %d article(s), sources %s, id %s",
                        rs.getString(1).toUpperCase(), rs.getString(2), rs.getString(4), rs.getString(9),
                        rs.getString(3) == null ? "any" : rs.getString(3), rs.getInt(5), rs.getString(6),
                        rs.getString(8)));
                for (Evidence e : readEvidence(rs.getString(7))) {
                    lines.add(String.format("      %-22s \"%s\" in %s: %s", e.rule(), e.text(), e.field(),
                            shorten(e.snippet(), 110)));
                }
            }
        }
        out.println();
        out.println("== Alerts (" + n + ", from the database)");
        lines.forEach(out::println);
    }

    private void printCounts(Statement s) throws SQLException {
        out.println();
        out.println("== Daily tag counts (event time, from the database)");
        try (ResultSet rs = s.executeQuery("SELECT window_start, tag, articles FROM tag_counts "
                + "WHERE window_size = 'P1D' AND source = '' AND co_tag = '' ORDER BY window_start, tag")) {
            Map<String, StringBuilder> byDay = new java.util.TreeMap<>();
            while (rs.next()) {
                byDay.computeIfAbsent(rs.getString(1).substring(0, 10), d -> new StringBuilder())
                        .append(String.format("  %s %d", rs.getString(2), rs.getLong(3)));
            }
            byDay.forEach((day, line) -> out.println("  " + day + ":" + line));
        }
    }

    private static String tagsLine(List<TagMatch> tags) {
        StringBuilder b = new StringBuilder();
        for (TagMatch t : tags) {
            b.append(b.length() == 0 ? "" : "  ").append(t.tag()).append(' ').append(t.score());
        }
        return b.toString();
    }

    private static List<Evidence> readEvidence(String json) {
        try {
            return List.of(Json.MAPPER.readValue(json, Evidence[].class));
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String one = text.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    /** Every enriched article on the topic (latest version per id). */
    public static List<EnrichedArticle> readEnriched(Map<String, Object> clientProperties, String topic) {
        Map<String, EnrichedArticle> byId = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : TopicContents.read(clientProperties, topic)) {
            try {
                byId.put(r.key(), Json.read(r.value(), EnrichedArticle.class));
            } catch (java.io.IOException e) {
                // not ours to judge here; enrich only writes valid records
            }
        }
        return new ArrayList<>(byId.values());
    }
}
