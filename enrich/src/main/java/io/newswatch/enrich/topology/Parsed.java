package io.newswatch.enrich.topology;

import io.newswatch.model.RawArticle;
import io.newswatch.model.dlq.DeadLetter;

/** A raw record after parsing: an article, or the dead letter saying why it is not one. */
public record Parsed(RawArticle article, DeadLetter deadLetter) {
    public boolean ok() {
        return article != null;
    }
}
