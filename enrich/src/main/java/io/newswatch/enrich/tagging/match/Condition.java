package io.newswatch.enrich.tagging.match;

import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * What a text's terms must contain for a query to have any chance of matching it. It is a necessary condition,
 * never a sufficient one: a condition that holds says "run the query", one that fails says "it cannot match".
 * {@link CandidateIndex} compiles conditions into checks on the terms of a text.
 */
sealed interface Condition {

    /** The term must occur in the field. */
    record Term(String field, BytesRef term) implements Condition {
    }

    /** Some term of the field must start with the prefix. */
    record Prefix(String field, BytesRef prefix) implements Condition {
    }

    record All(List<Condition> parts) implements Condition {
    }

    record Any(List<Condition> parts) implements Condition {
    }

    /** Nothing is known: the query must always be run (regular expressions, fuzzy terms, ranges...). */
    record Always() implements Condition {
    }

    Condition ALWAYS = new Always();
}
