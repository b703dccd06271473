package io.newswatch.model;

/**
 * A person, organisation or place from the gazetteer, found in an article under one of its names.
 *
 * @param id   the gazetteer's stable id (e.g. {@code place:dushanbe}), the same for every spelling
 * @param type {@code person}, {@code organization} or {@code place}
 * @param name the canonical name
 * @param text the name as written in the article (any alias, Latin or Cyrillic)
 */
public record Entity(String id, String type, String name, String text, String field, int start, int end) {
}
