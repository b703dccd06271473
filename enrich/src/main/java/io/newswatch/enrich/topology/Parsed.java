package io.newswatch.enrich.topology;

import io.newswatch.model.RawArticle;
import io.newswatch.model.dlq.DeadLetter;

/**
 * A raw record after parsing: an article (cleaned and cut to the limits, {@code bodyTruncated} when its body was
 * cut), or the dead letter saying why it is not one.
 */
public record Parsed(RawArticle article, boolean bodyTruncated, DeadLetter deadLetter) {
    public boolean ok() {
        return article != null;
    }
}
