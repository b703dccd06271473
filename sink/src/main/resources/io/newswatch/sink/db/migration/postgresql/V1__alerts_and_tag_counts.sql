-- The tables dashboards read (columns documented in the README). IF NOT EXISTS: a database the sink created
-- before migrations existed is taken over as version 1.
CREATE TABLE IF NOT EXISTS alerts (
    alert_id TEXT PRIMARY KEY, kind TEXT NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL, desk TEXT,
    reason TEXT NOT NULL, story_id TEXT, tags JSONB NOT NULL, article_ids JSONB NOT NULL,
    article_count INTEGER NOT NULL, sources JSONB NOT NULL, title TEXT, url TEXT, snippet TEXT, evidence JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL, version INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS alerts_by_update ON alerts (updated_at);
-- Source and co-tag are '' (not NULL) for the plain per-tag count, so they can be part of the key.
CREATE TABLE IF NOT EXISTS tag_counts (
    tag TEXT NOT NULL, source TEXT NOT NULL, co_tag TEXT NOT NULL, window_size TEXT NOT NULL,
    window_start TIMESTAMPTZ NOT NULL, window_end TIMESTAMPTZ NOT NULL, articles BIGINT NOT NULL,
    stories BIGINT NOT NULL, top_sources JSONB NOT NULL, status TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tag, source, co_tag, window_size, window_start));
