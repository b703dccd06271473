package io.newswatch.ingest.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a folder (and its sub-folders) that are new or changed since the last look. A file is only taken
 * once it has not been modified for {@code settle}, so one still being written is not read half-way. Hidden files
 * are skipped. The clock is injected so that tests decide what "settled" means.
 */
public final class FolderSource {
    private record Stamp(long size, Instant modified) {
    }

    private final Path root;
    private final Clock clock;
    private final Duration settle;
    private final Map<Path, Stamp> seen = new HashMap<>();

    public FolderSource(Path root, Clock clock, Duration settle) {
        this.root = root;
        this.clock = clock;
        this.settle = settle;
    }

    public Path root() {
        return root;
    }

    /** Files not returned before (or changed since), in name order, supported or not. */
    public List<Path> newFiles() {
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(new IOException("not a folder: " + root));
        }
        Instant settledBefore = clock.instant().minus(settle);
        List<Path> fresh = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted().toList()) {
                if (isHidden(file)) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue; // deleted between listing and reading
                }
                if (!attrs.isRegularFile()) {
                    continue;
                }
                Stamp stamp = new Stamp(attrs.size(), attrs.lastModifiedTime().toInstant());
                if (stamp.modified().isAfter(settledBefore) || stamp.equals(seen.get(file))) {
                    continue;
                }
                seen.put(file, stamp);
                fresh.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fresh;
    }

    private boolean isHidden(Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
