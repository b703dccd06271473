-- The tables dashboards read (columns documented in the README). IF NOT EXISTS: a database the sink created
-- before migrations existed is taken over as version 1.
CREATE TABLE IF NOT EXISTS alerts (
    alert_id TEXT PRIMARY KEY, kind TEXT NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL, desk TEXT,
    reason TEXT NOT NULL, story_id TEXT, tags TEXT NOT NULL, article_ids TEXT NOT NULL,
    article_count INTEGER NOT NULL, sources TEXT NOT NULL, title TEXT, url TEXT, snippet TEXT, evidence TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS alerts_by_update ON alerts (updated_at);
-- Source and co-tag are '' (not NULL) for the plain per-tag count, so they can be part of the key.
CREATE TABLE IF NOT EXISTS tag_counts (
    tag TEXT NOT NULL, source TEXT NOT NULL, co_tag TEXT NOT NULL, window_size TEXT NOT NULL,
    window_start TEXT NOT NULL, window_end TEXT NOT NULL, articles BIGINT NOT NULL, stories BIGINT NOT NULL,
    top_sources TEXT NOT NULL, status TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (tag, source, co_tag, window_size, window_start));
