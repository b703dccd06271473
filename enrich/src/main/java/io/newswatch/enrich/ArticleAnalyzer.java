package io.newswatch.enrich;

import io.newswatch.enrich.extract.AmountExtractor;
import io.newswatch.enrich.extract.EntityFinder;
import io.newswatch.enrich.extract.Gazetteer;
import io.newswatch.enrich.tagging.RuleBook;
import io.newswatch.enrich.tagging.Tagger;
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

    public Analysis analyze(RawArticle article) {
        List<Amount> found = new ArrayList<>();
        if (article.title() != null) {
            found.addAll(amounts.find(article.title(), "title"));
        }
        found.addAll(amounts.find(article.body(), "body"));
        return new Analysis(tagger.tag(article.title(), article.body(), article.lang()),
                entities.find(article.title(), article.body()), found);
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
