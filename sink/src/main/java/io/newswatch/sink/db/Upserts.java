package io.newswatch.sink.db;

import io.newswatch.model.Alert;
import io.newswatch.model.TagCount;
import io.newswatch.model.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Idempotent writes. An alert row is replaced only by a higher version. A live count is replaced by a higher count
 * or by the window's final count; a closed window's count (final or revision) only by a higher final or revision,
 * never by a live value. So re-delivered or out-of-order records never change what is already there, and counts
 * never go down.
 */
public final class Upserts implements AutoCloseable {
    private final Dialect dialect;
    private final PreparedStatement alert;
    private final PreparedStatement count;

    public Upserts(Connection connection, Dialect dialect) throws SQLException {
        this.dialect = dialect;
        String json = dialect.jsonParameter();
        this.alert = connection.prepareStatement("INSERT INTO alerts (alert_id, kind, rule, severity, desk, reason, "
                + "story_id, tags, article_ids, article_count, sources, title, url, snippet, evidence, created_at, "
                + "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, " + json + ", " + json + ", ?, " + json + ", ?, ?, ?, " + json + ", ?, ?, ?) "
                + "ON CONFLICT (alert_id) DO UPDATE SET rule = excluded.rule, severity = excluded.severity, "
                + "desk = excluded.desk, reason = excluded.reason, story_id = excluded.story_id, tags = excluded.tags, "
                + "article_ids = excluded.article_ids, article_count = excluded.article_count, "
                + "sources = excluded.sources, title = excluded.title, url = excluded.url, snippet = excluded.snippet, "
                + "evidence = excluded.evidence, updated_at = excluded.updated_at, version = excluded.version "
                + "WHERE excluded.version > alerts.version");
        this.count = connection.prepareStatement("INSERT INTO tag_counts (tag, source, co_tag, window_size, window_start, "
                + "window_end, articles, stories, top_sources, status, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + json + ", ?, ?) "
                + "ON CONFLICT (tag, source, co_tag, window_size, window_start) DO UPDATE SET "
                + "window_end = excluded.window_end, articles = excluded.articles, stories = excluded.stories, "
                + "top_sources = excluded.top_sources, status = excluded.status, updated_at = excluded.updated_at "
                + "WHERE (tag_counts.status = 'live' AND excluded.status <> 'live') "
                + "OR ((tag_counts.status = 'live' OR excluded.status <> 'live') "
                + "AND (excluded.articles > tag_counts.articles "
                + "OR (excluded.articles = tag_counts.articles AND excluded.stories > tag_counts.stories)))");
    }

    public void add(Alert a) throws SQLException {
        int i = 1;
        alert.setString(i++, a.alertId());
        alert.setString(i++, a.kind());
        alert.setString(i++, a.rule());
        alert.setString(i++, a.severity());
        alert.setString(i++, a.desk());
        alert.setString(i++, a.reason());
        alert.setString(i++, a.storyId());
        alert.setString(i++, Json.write(a.tags()));
        alert.setString(i++, Json.write(a.articleIds()));
        alert.setInt(i++, a.articleCount());
        alert.setString(i++, Json.write(a.sources()));
        alert.setString(i++, a.title());
        alert.setString(i++, a.url());
        alert.setString(i++, a.snippet());
        alert.setString(i++, Json.write(a.evidence()));
        dialect.setTimestamp(alert, i++, a.createdAt());
        dialect.setTimestamp(alert, i++, a.updatedAt());
        alert.setInt(i, a.version());
        alert.addBatch();
    }

    public void add(TagCount c) throws SQLException {
        count.setString(1, c.tag());
        count.setString(2, c.source() == null ? "" : c.source());
        count.setString(3, c.coTag() == null ? "" : c.coTag());
        count.setString(4, c.window());
        dialect.setTimestamp(count, 5, c.windowStart());
        dialect.setTimestamp(count, 6, c.windowEnd());
        count.setLong(7, c.articles());
        count.setLong(8, c.stories());
        count.setString(9, Json.write(c.topSources()));
        count.setString(10, c.status());
        dialect.setTimestamp(count, 11, c.updatedAt());
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
