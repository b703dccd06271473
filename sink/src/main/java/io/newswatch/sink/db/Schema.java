package io.newswatch.sink.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the tables dashboards read, if they are missing. The column list is documented in the README. */
public final class Schema {
    private Schema() {
    }

    public static void create(Connection connection, Dialect d) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS alerts ("
                    + "alert_id TEXT PRIMARY KEY, kind TEXT NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL, "
                    + "desk TEXT, reason TEXT NOT NULL, story_id TEXT, tags " + d.jsonType() + " NOT NULL, article_ids " + d.jsonType()
                    + " NOT NULL, article_count INTEGER NOT NULL, sources " + d.jsonType() + " NOT NULL, title TEXT, "
                    + "url TEXT, snippet TEXT, evidence " + d.jsonType() + " NOT NULL, created_at " + d.timestampType()
                    + " NOT NULL, updated_at " + d.timestampType() + " NOT NULL, version INTEGER NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS alerts_by_update ON alerts (updated_at)");
            // Source and co-tag are '' (not NULL) for the plain per-tag count, so they can be part of the key.
            s.execute("CREATE TABLE IF NOT EXISTS tag_counts ("
                    + "tag TEXT NOT NULL, source TEXT NOT NULL, co_tag TEXT NOT NULL, window_size TEXT NOT NULL, window_start " + d.timestampType() + " NOT NULL, "
                    + "window_end " + d.timestampType() + " NOT NULL, articles BIGINT NOT NULL, stories BIGINT NOT NULL, "
                    + "top_sources " + d.jsonType() + " NOT NULL, status TEXT NOT NULL, updated_at " + d.timestampType()
                    + " NOT NULL, PRIMARY KEY (tag, source, co_tag, window_size, window_start))");
        }
    }
}
