package io.newswatch.model;

/**
 * A sum of money named in an article, normalised so a dashboard can add pledges up.
 *
 * @param text     as written ("70 billion roubles", "$1.2 billion", "70 млрд рублей")
 * @param value    the number in units of the currency (70 billion roubles = 7.0E10)
 * @param currency ISO 4217 code: RUB, USD, EUR, GBP, CNY, TJS, KZT
 * @param field    {@code title} or {@code body}; offsets point into it
 */
public record Amount(String text, double value, String currency, String field, int start, int end) {
}
