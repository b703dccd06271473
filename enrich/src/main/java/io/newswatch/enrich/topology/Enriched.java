package io.newswatch.enrich.topology;

import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.dlq.DeadLetter;

/** An article after enrichment, or the dead letter saying why it could not go on. */
public record Enriched(EnrichedArticle article, DeadLetter deadLetter) {
    static Enriched of(EnrichedArticle article) {
        return new Enriched(article, null);
    }

    static Enriched rejected(DeadLetter letter) {
        return new Enriched(null, letter);
    }

    public boolean ok() {
        return article != null;
    }
}
