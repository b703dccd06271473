package io.newswatch.enrich;

import io.newswatch.enrich.extract.AmountExtractor;
import io.newswatch.enrich.extract.EntityFinder;
import io.newswatch.enrich.extract.Gazetteer;
import io.newswatch.enrich.tagging.RuleBook;
import io.newswatch.enrich.tagging.Tagger;
import io.newswatch.enrich.tagging.match.IndexedText;
import io.newswatch.model.Amount;
import io.newswatch.model.Entity;
import io.newswatch.model.RawArticle;
import io.newswatch.model.TagMatch;
import java.util.ArrayList;
import java.util.List;

/** Everything enrich reads out of one article's text: tags with evidence, entities, amounts. Thread-safe. */
public final class ArticleAnalyzer implements AutoCloseable {
    private final Tagger tagger;
    private final EntityFinder entities;
    private final AmountExtractor amounts = new AmountExtractor();

    public ArticleAnalyzer(RuleBook rules, Gazetteer gazetteer) {
        this.tagger = new Tagger(rules);
        this.entities = new EntityFinder(gazetteer);
    }

    public static ArticleAnalyzer defaults() {
        return new ArticleAnalyzer(RuleBook.defaults(), Gazetteer.defaults());
    }

    public record Analysis(List<TagMatch> tags, List<Entity> entities, List<Amount> amounts) {
    }

    /** Everything found, without limits (for the {@code tag} command and rule evaluation). */
    public Analysis analyze(RawArticle article) {
        return analyze(article, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * What the article says, kept to a size a record can carry: the strongest {@code maxTags} tags, at most
     * {@code maxEvidence} evidence spans over all of them (each tag keeps at least one), and the first
     * {@code maxEntities} entities and {@code maxAmounts} amounts in text order.
     */
    public Analysis analyze(RawArticle article, int maxTags, int maxEvidence, int maxEntities, int maxAmounts) {
        List<Amount> found = new ArrayList<>();
        if (article.title() != null) {
            found.addAll(amounts.find(article.title(), "title", maxAmounts));
        }
        found.addAll(amounts.find(article.body(), "body", maxAmounts - found.size()));
        IndexedText text = IndexedText.of(Tagger.fullText(article.title(), article.body()));
        List<TagMatch> tags = tagger.tag(article.title(), article.body(), article.lang(), text);
        if (tags.size() > maxTags) {
            tags = tags.subList(0, maxTags);
        }
        int total = tags.stream().mapToInt(t -> t.evidence().size()).sum();
        if (total > maxEvidence) {
            int each = Math.max(1, maxEvidence / tags.size());
            tags = tags.stream().map(t -> t.evidence().size() <= each ? t
                    : new TagMatch(t.tag(), t.score(), t.rules(), t.evidence().subList(0, each))).toList();
        }
        List<Entity> mentions = entities.find(article.title(), article.body(), text);
        if (mentions.size() > maxEntities) {
            mentions = mentions.subList(0, maxEntities);
        }
        return new Analysis(tags, mentions, found);
    }

    public Tagger tagger() {
        return tagger;
    }

    @Override
    public void close() {
        tagger.close();
        entities.close();
    }
}
