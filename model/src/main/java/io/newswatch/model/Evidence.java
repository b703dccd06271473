package io.newswatch.model;

/**
 * One matched span that made a rule fire.
 *
 * @param rule  id of the watch rule that matched
 * @param field {@code title} or {@code body}: which text the offsets point into
 * @param start offset of the first char of the match (UTF-16 code units, as Java and JavaScript count)
 * @param end   offset one past the last char
 * @param text  the matched text itself
 * @param snippet the sentence-sized context around the match, for a person to read
 */
public record Evidence(String rule, String field, int start, int end, String text, String snippet) {
}
