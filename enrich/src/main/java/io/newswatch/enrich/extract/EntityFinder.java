package io.newswatch.enrich.extract;

import io.newswatch.enrich.tagging.match.QueryMatcher;
import io.newswatch.enrich.tagging.RuleQueries;
import io.newswatch.enrich.tagging.match.Span;
import io.newswatch.enrich.tagging.Tagger;
import io.newswatch.enrich.tagging.match.TextAnalyzers;
import io.newswatch.enrich.tagging.match.IndexedText;
import io.newswatch.model.Entity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;

/**
 * Finds gazetteer entities in an article: every mention under any alias, linked to the entity's one id (Dushanbe
 * and Душанбе are both {@code place:dushanbe}). Matched with the same Lucene Monitor as watch rules. Thread-safe.
 */
public final class EntityFinder implements AutoCloseable {
    private static final String TITLE_GAP = "\n\n";

    private final Map<String, Gazetteer.Entry> byId = new LinkedHashMap<>();
    private final QueryMatcher matcher;

    public EntityFinder(Gazetteer gazetteer) {
        RuleQueries parser = new RuleQueries(TextAnalyzers.perField());
        Map<String, Query> queries = new LinkedHashMap<>();
        for (Gazetteer.Entry e : gazetteer.entities()) {
            queries.put(e.id(), parser.parse(e.id(), e.query()));
            byId.put(e.id(), e);
        }
        this.matcher = QueryMatcher.of(queries);
    }

    /** Every mention, in text order (title first). */
    public List<Entity> find(String title, String body) {
        return find(title, body, IndexedText.of(Tagger.fullText(title, body)));
    }

    /** Every mention in an article whose {@link Tagger#fullText} was analysed already (shared with the tagger). */
    public List<Entity> find(String title, String body, IndexedText text) {
        String prefix = title == null || title.isBlank() ? "" : title + TITLE_GAP;
        List<Entity> found = new ArrayList<>();
        matcher.match(text).forEach((id, spans) -> {
            Gazetteer.Entry entry = byId.get(id);
            for (Span span : spans) {
                boolean inTitle = span.inTitle(prefix.length());
                int offset = inTitle ? 0 : prefix.length();
                found.add(new Entity(id, entry.type(), entry.name(), span.matched(), inTitle ? "title" : "body",
                        span.start() - offset, span.end() - offset));
            }
        });
        found.sort(Comparator.comparing((Entity e) -> !e.field().equals("title")).thenComparingInt(Entity::start));
        return found;
    }

    @Override
    public void close() {
        matcher.close();
    }
}
