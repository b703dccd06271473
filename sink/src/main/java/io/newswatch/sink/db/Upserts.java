package io.newswatch.sink.db;

import io.newswatch.model.Alert;
import io.newswatch.model.TagCount;
import io.newswatch.model.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Idempotent writes. An alert row is replaced only by a higher version, and a count only by a higher count, so
 * re-delivered or out-of-order records never change what is already there.
 */
public final class Upserts implements AutoCloseable {
    private final Dialect dialect;
    private final PreparedStatement alert;
    private final PreparedStatement count;

    public Upserts(Connection connection, Dialect dialect) throws SQLException {
        this.dialect = dialect;
        String json = dialect.jsonParameter();
        this.alert = connection.prepareStatement("INSERT INTO alerts (alert_id, rule, severity, desk, story_id, tags, "
                + "article_ids, article_count, sources, title, url, snippet, evidence, created_at, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, " + json + ", " + json + ", ?, " + json + ", ?, ?, ?, " + json + ", ?, ?, ?) "
                + "ON CONFLICT (alert_id) DO UPDATE SET rule = excluded.rule, severity = excluded.severity, "
                + "desk = excluded.desk, story_id = excluded.story_id, tags = excluded.tags, "
                + "article_ids = excluded.article_ids, article_count = excluded.article_count, "
                + "sources = excluded.sources, title = excluded.title, url = excluded.url, snippet = excluded.snippet, "
                + "evidence = excluded.evidence, updated_at = excluded.updated_at, version = excluded.version "
                + "WHERE excluded.version > alerts.version");
        this.count = connection.prepareStatement("INSERT INTO tag_counts (tag, window_size, window_start, window_end, "
                + "articles, stories, top_sources, updated_at) VALUES (?, ?, ?, ?, ?, ?, " + json + ", ?) "
                + "ON CONFLICT (tag, window_size, window_start) DO UPDATE SET window_end = excluded.window_end, "
                + "articles = excluded.articles, stories = excluded.stories, top_sources = excluded.top_sources, "
                + "updated_at = excluded.updated_at "
                + "WHERE excluded.articles > tag_counts.articles OR (excluded.articles = tag_counts.articles "
                + "AND excluded.stories > tag_counts.stories)");
    }

    public void add(Alert a) throws SQLException {
        alert.setString(1, a.alertId());
        alert.setString(2, a.rule());
        alert.setString(3, a.severity());
        alert.setString(4, a.desk());
        alert.setString(5, a.storyId());
        alert.setString(6, Json.write(a.tags()));
        alert.setString(7, Json.write(a.articleIds()));
        alert.setInt(8, a.articleCount());
        alert.setString(9, Json.write(a.sources()));
        alert.setString(10, a.title());
        alert.setString(11, a.url());
        alert.setString(12, a.snippet());
        alert.setString(13, Json.write(a.evidence()));
        dialect.setTimestamp(alert, 14, a.createdAt());
        dialect.setTimestamp(alert, 15, a.updatedAt());
        alert.setInt(16, a.version());
        alert.addBatch();
    }

    public void add(TagCount c) throws SQLException {
        count.setString(1, c.tag());
        count.setString(2, c.window());
        dialect.setTimestamp(count, 3, c.windowStart());
        dialect.setTimestamp(count, 4, c.windowEnd());
        count.setLong(5, c.articles());
        count.setLong(6, c.stories());
        count.setString(7, Json.write(c.topSources()));
        dialect.setTimestamp(count, 8, c.updatedAt());
        count.addBatch();
    }

    public void execute() throws SQLException {
        alert.executeBatch();
        count.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        alert.close();
        count.close();
    }
}
