package io.newswatch.ingest.extract;

import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/** Turns a JSON-LD {@code articleBody} into paragraphs: entities decoded, and run-together paragraphs split. */
final class JsonLdBody {
    /** "moons.The find": a sentence end glued to a capital is where a paragraph break was lost. */
    private static final Pattern LOST_BREAK = Pattern.compile("(?<=[\\p{Ll}\\d][.!?][\"”’]?)(?=[\\p{Lu}“\"])");

    private JsonLdBody() {
    }

    static String paragraphs(String body) {
        String text = Parser.unescapeEntities(body, false);
        if (text.contains("<p") || text.contains("<br")) {
            text = org.jsoup.Jsoup.parse(text).wholeText();
        }
        text = LOST_BREAK.matcher(text).replaceAll("\n\n");
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\\s*\\n\\s*")) {
            if (!paragraph.isBlank()) {
                out.append(paragraph.strip()).append("\n\n");
            }
        }
        return out.toString();
    }
}
