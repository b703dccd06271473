package io.newswatch.ingest.clean;

import java.util.regex.Pattern;

/**
 * Strips what an image leaves in scraped text when its alt text or file label is glued to the next paragraph,
 * e.g. {@code "photo 3The minister said..."}: lower-case words and a number run straight into a capitalised word.
 * A sentence never starts that way, so the prefix is dropped and the sentence kept.
 */
public final class ImageResidue {
    private static final Pattern GLUED_LABEL = Pattern.compile(
            "^\\p{Ll}[\\p{Ll}_-]*(?: \\p{Ll}[\\p{Ll}_-]*){0,2} ?\\d{1,4}(?=[\\p{Lu}\"“«])");

    private ImageResidue() {
    }

    public static String stripGluedLabel(String line) {
        return GLUED_LABEL.matcher(line).replaceFirst("");
    }
}
