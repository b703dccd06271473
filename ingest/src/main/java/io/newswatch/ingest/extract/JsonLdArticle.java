package io.newswatch.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article a page describes in JSON-LD ({@code schema.org} NewsArticle, Article, BlogPosting...): the most
 * reliable metadata a page has, and on some sites the only complete copy of the body. Malformed JSON-LD is
 * ignored, as browsers and search engines ignore it.
 */
record JsonLdArticle(String headline, String datePublished, String author, String publisher, String language,
                     String articleBody) {
    static final JsonLdArticle NONE = new JsonLdArticle(null, null, null, null, null, null);

    static JsonLdArticle of(Document doc) {
        List<JsonNode> candidates = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(Json.MAPPER.readTree(script.data()), candidates, 0);
            } catch (Exception e) {
                // a page's broken JSON-LD is the page's problem, not a reason to fail extraction
            }
        }
        for (JsonNode node : candidates) {
            if (isArticle(node)) {
                return new JsonLdArticle(text(node.get("headline")), text(node.get("datePublished")),
                        name(node.get("author")), name(node.get("publisher")), text(node.get("inLanguage")),
                        text(node.get("articleBody")));
            }
        }
        return NONE;
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out, depth + 1);
            collect(node.get("mainEntity"), out, depth + 1);
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        String types = type == null ? "" : type.toString();
        return types.matches(".*(Article|BlogPosting|NewsArticle|Report|Posting).*");
    }

    private static String name(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            List<String> names = new ArrayList<>();
            node.forEach(n -> {
                String name = name(n);
                if (name != null) {
                    names.add(name);
                }
            });
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return node.isObject() ? text(node.get("name")) : text(node);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
