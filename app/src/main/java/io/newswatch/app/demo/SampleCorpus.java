package io.newswatch.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The sample articles bundled in the jar (from the repository's {@code samples/articles} folder), copied to a
 * folder so the demo reads them as any folder source.
 */
public final class SampleCorpus {
    static final String ROOT = "/newswatch-samples/";

    private SampleCorpus() {
    }

    public static List<String> names() {
        try (InputStream in = SampleCorpus.class.getResourceAsStream(ROOT + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no bundled sample corpus");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path copyTo(Path folder) {
        try {
            Files.createDirectories(folder);
            for (String name : names()) {
                try (InputStream in = SampleCorpus.class.getResourceAsStream(ROOT + name)) {
                    if (in == null) {
                        throw new IllegalStateException("sample " + name + " is listed but not bundled");
                    }
                    Files.copy(in, folder.resolve(Path.of(name).getFileName().toString()));
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
