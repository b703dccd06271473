package io.newswatch.ingest.assemble;

import io.newswatch.model.RawArticle;

/** An article, or the reason there is none; never both. */
public record Assembled(RawArticle article, Rejection rejection) {
    static Assembled of(RawArticle article) {
        return new Assembled(article, null);
    }

    static Assembled rejected(Rejection rejection) {
        return new Assembled(null, rejection);
    }

    public boolean ok() {
        return article != null;
    }
}
