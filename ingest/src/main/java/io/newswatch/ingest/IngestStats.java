package io.newswatch.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what ingest did, with rejections counted by reason code. Thread-safe. */
public final class IngestStats {
    private final LongAdder files = new LongAdder();
    private final LongAdder produced = new LongAdder();
    private final LongAdder unchanged = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    void countFile() {
        files.increment();
    }

    void countProduced() {
        produced.increment();
    }

    void countUnchanged() {
        unchanged.increment();
    }

    void countRejected(String code) {
        rejected.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    public long files() {
        return files.sum();
    }

    public long produced() {
        return produced.sum();
    }

    /** Articles skipped because the raw topic already holds this exact version. */
    public long unchanged() {
        return unchanged.sum();
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> rejectedByReason() {
        Map<String, Long> out = new TreeMap<>();
        rejected.forEach((code, n) -> out.put(code, n.sum()));
        return out;
    }

    @Override
    public String toString() {
        return files() + " files, " + produced() + " articles produced, " + unchanged() + " unchanged, "
                + rejectedTotal() + " rejected " + rejectedByReason();
    }
}
