package io.newswatch.enrich.alert;

import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.TagMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Makes a new alert from an article, or the next version of an existing alert when the story grows. */
public final class AlertBuilder {
    private static final int MAX_EVIDENCE = 8;

    private AlertBuilder() {
    }

    /**
     * The alert after {@code article}, or null when the article is already part of it (a replay changes nothing).
     * The alert lists the latest {@link Alert#MAX_ARTICLE_IDS} articles and {@link Alert#MAX_SOURCES} sources; its
     * article count goes on beyond them.
     */
    public static Alert apply(Alert existing, AlertRule rule, StoryArticle article, Instant now) {
        if (existing != null && existing.articleIds().contains(article.articleId())) {
            return null;
        }
        List<Evidence> evidence = article.tags().stream()
                .filter(t -> rule.allOf().contains(t.tag()) || rule.anyOf().contains(t.tag()))
                .flatMap(t -> t.evidence().stream().limit(StoryArticle.EVIDENCE_PER_TAG))
                .limit(MAX_EVIDENCE).toList();
        String snippet = evidence.stream().filter(e -> "body".equals(e.field())).map(Evidence::snippet).findFirst()
                .orElse(evidence.isEmpty() ? null : evidence.get(0).snippet());
        Set<String> tags = new LinkedHashSet<>(existing == null ? List.of() : existing.tags());
        article.tags().stream().map(TagMatch::tag).forEach(tags::add);
        List<String> articleIds = new ArrayList<>(existing == null ? List.of() : existing.articleIds());
        articleIds.add(article.articleId());
        if (articleIds.size() > Alert.MAX_ARTICLE_IDS) {
            articleIds = new ArrayList<>(articleIds.subList(articleIds.size() - Alert.MAX_ARTICLE_IDS,
                    articleIds.size()));
        }
        int articleCount = (existing == null ? 0 : existing.articleCount()) + 1;
        Set<String> sources = new LinkedHashSet<>(existing == null ? List.of() : existing.sources());
        if (article.source() != null && sources.size() < Alert.MAX_SOURCES) {
            sources.add(article.source());
        }
        List<String> matched = java.util.stream.Stream.concat(rule.allOf().stream(), rule.anyOf().stream())
                .filter(article.tagNames()::contains).distinct().toList();
        String reason = String.join(" + ", matched) + " (alert rule " + rule.id() + "): " + articleCount
                + (articleCount == 1 ? " article" : " articles") + " from " + sources.size()
                + (sources.size() >= Alert.MAX_SOURCES ? "+" : "") + (sources.size() == 1 ? " source" : " sources");
        return new Alert(Alert.idFor(rule.id(), article.storyId()), Alert.STORY, rule.id(), rule.severity(),
                rule.desk(), reason, List.copyOf(tags), article.storyId(), articleIds, articleCount, List.copyOf(sources),
                article.title(), article.url(), snippet, evidence,
                existing == null ? now : existing.createdAt(), now,
                existing == null ? 1 : existing.version() + 1, Alert.SCHEMA_VERSION);
    }
}
