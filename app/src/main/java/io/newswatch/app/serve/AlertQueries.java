package io.newswatch.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.model.json.Json;
import io.newswatch.sink.db.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Reads and writes what the console shows: alerts with their desk state, counts, acknowledgements. One short-lived
 * connection per call (the sink writes the same database; SQLite readers must not hold it).
 */
public final class AlertQueries {
    private static final String ALERT_COLUMNS = "a.alert_id, a.kind, a.rule, a.severity, a.desk, a.reason, "
            + "a.story_id, a.tags, a.article_ids, a.article_count, a.sources, a.title, a.url, a.snippet, a.evidence, "
            + "a.created_at, a.updated_at, a.version, s.state, s.by_who, s.reason AS state_reason, s.at AS state_at";

    private final String jdbcUrl;
    private final Properties credentials;
    private final Dialect dialect;

    public AlertQueries(String jdbcUrl, Properties credentials) {
        this.jdbcUrl = jdbcUrl;
        this.credentials = credentials;
        this.dialect = Dialect.of(jdbcUrl);
    }

    /** What a list of alerts is narrowed to; null fields do not narrow. */
    public record Filter(String desk, String severity, String tag, String rule, String kind, String state,
                         Instant since, Instant until, String text, String cursor, int limit) {
    }

    /** One page of alerts, newest update first, and the cursor of the next page (null at the end). */
    public ObjectNode list(Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + ALERT_COLUMNS
                + " FROM alerts a LEFT JOIN alert_states s ON s.alert_id = a.alert_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "a.desk = ?", f.desk());
        where(sql, args, "a.severity = ?", f.severity());
        where(sql, args, "a.rule = ?", f.rule());
        where(sql, args, "a.kind = ?", f.kind());
        if (f.tag() != null) {
            where(sql, args, "CAST(a.tags AS TEXT) LIKE ?", "%\"" + f.tag() + "\"%");
        }
        if ("acknowledged".equals(f.state())) {
            sql.append(" AND s.state = 'acknowledged'");
        } else if ("open".equals(f.state())) {
            sql.append(" AND s.state IS NULL");
        }
        where(sql, args, "a.updated_at >= ?", f.since());
        where(sql, args, "a.updated_at <= ?", f.until());
        if (f.text() != null) {
            String like = "%" + f.text().toLowerCase(java.util.Locale.ROOT) + "%";
            sql.append(" AND (LOWER(a.title) LIKE ? OR LOWER(a.reason) LIKE ? OR LOWER(a.snippet) LIKE ?)");
            args.addAll(List.of(like, like, like));
        }
        if (f.cursor() != null) {
            String[] at = new String(Base64.getUrlDecoder().decode(f.cursor()), StandardCharsets.UTF_8).split("\n", 2);
            sql.append(" AND (a.updated_at < ? OR (a.updated_at = ? AND a.alert_id < ?))");
            Instant t = Instant.parse(at[0]);
            args.addAll(List.of(t, t, at[1]));
        }
        sql.append(" ORDER BY a.updated_at DESC, a.alert_id DESC LIMIT ?");
        args.add(f.limit() + 1);
        List<ObjectNode> rows = query(sql.toString(), args);
        ObjectNode page = Json.MAPPER.createObjectNode();
        ArrayNode items = page.putArray("alerts");
        rows.stream().limit(f.limit()).forEach(items::add);
        if (rows.size() > f.limit()) {
            ObjectNode last = rows.get(f.limit() - 1);
            page.put("next", Base64.getUrlEncoder().encodeToString((last.get("updated_at").asText() + "\n"
                    + last.get("alert_id").asText()).getBytes(StandardCharsets.UTF_8)));
        } else {
            page.putNull("next");
        }
        return page;
    }

    /** Alerts updated after a time, oldest first: what the live stream sends. */
    public List<ObjectNode> updatedAfter(Instant after) throws SQLException {
        return query("SELECT " + ALERT_COLUMNS + " FROM alerts a LEFT JOIN alert_states s ON s.alert_id = a.alert_id"
                + " WHERE a.updated_at > ? ORDER BY a.updated_at, a.alert_id LIMIT 500", List.of(after));
    }

    public ObjectNode get(String alertId) throws SQLException {
        List<ObjectNode> rows = query("SELECT " + ALERT_COLUMNS + " FROM alerts a LEFT JOIN alert_states s ON "
                + "s.alert_id = a.alert_id WHERE a.alert_id = ?", List.of(alertId));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Counts of a tag (or every tag) in hourly or daily windows over a range, live and final values marked. */
    public List<ObjectNode> counts(String tag, String window, Instant from, Instant to) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT tag, source, co_tag, window_size, window_start, window_end, "
                + "articles, stories, status FROM tag_counts WHERE window_size = ?");
        List<Object> args = new ArrayList<>(List.of(window));
        where(sql, args, "tag = ?", tag);
        where(sql, args, "window_start >= ?", from);
        where(sql, args, "window_start < ?", to);
        sql.append(" ORDER BY window_start, tag, source, co_tag LIMIT 5000");
        return query(sql.toString(), args);
    }

    /** Marks an alert handled; false when there is no such alert. */
    public boolean acknowledge(String alertId, String by, String reason, Instant at) throws SQLException {
        try (Connection c = connect()) {
            if (get(c, alertId) == null) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_states (alert_id, state, by_who, "
                    + "reason, at) VALUES (?, 'acknowledged', ?, ?, ?) ON CONFLICT (alert_id) DO UPDATE SET "
                    + "state = excluded.state, by_who = excluded.by_who, reason = excluded.reason, at = excluded.at")) {
                s.setString(1, alertId);
                s.setString(2, by);
                s.setString(3, reason);
                dialect.setTimestamp(s, 4, at);
                s.executeUpdate();
            }
            return true;
        }
    }

    /** Mutes a rule or a story until a time, with who and why; replaces an earlier mute of the same target. */
    public void mute(String kind, String target, Instant until, String by, String reason, Instant at)
            throws SQLException {
        if (!kind.equals("rule") && !kind.equals("story")) {
            throw new IllegalArgumentException("kind must be rule or story, not " + kind);
        }
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("INSERT INTO mutes (target, kind, "
                + "until, by_who, reason, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, target) DO UPDATE SET "
                + "until = excluded.until, by_who = excluded.by_who, reason = excluded.reason, at = excluded.at")) {
            s.setString(1, target);
            s.setString(2, kind);
            dialect.setTimestamp(s, 3, until);
            s.setString(4, by);
            s.setString(5, reason);
            dialect.setTimestamp(s, 6, at);
            s.executeUpdate();
        }
    }

    /** Mutes still in force. */
    public List<ObjectNode> mutes(Instant now) throws SQLException {
        return query("SELECT kind, target, until, by_who, reason, at FROM mutes WHERE until > ? ORDER BY until",
                List.of(now));
    }

    private ObjectNode get(Connection c, String alertId) throws SQLException {
        List<ObjectNode> rows = query(c, "SELECT alert_id FROM alerts WHERE alert_id = ?", List.of(alertId));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static void where(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, credentials);
    }

    private List<ObjectNode> query(String sql, List<Object> args) throws SQLException {
        try (Connection c = connect()) {
            return query(c, sql, args);
        }
    }

    private List<ObjectNode> query(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Instant t) {
                    dialect.setTimestamp(s, i + 1, t);
                } else {
                    s.setObject(i + 1, a);
                }
            }
            List<ObjectNode> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    ObjectNode row = Json.MAPPER.createObjectNode();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        row.set(meta.getColumnLabel(col).toLowerCase(java.util.Locale.ROOT), value(rs.getObject(col),
                                meta.getColumnLabel(col)));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** Column values as JSON: JSON columns parsed, times as ISO-8601 instants, the rest as they are. */
    private static JsonNode value(Object v, String column) {
        if (v == null) {
            return Json.MAPPER.nullNode();
        }
        if (v instanceof OffsetDateTime t) {
            return Json.MAPPER.getNodeFactory().textNode(t.toInstant().toString());
        }
        if (v instanceof java.sql.Timestamp t) {
            return Json.MAPPER.getNodeFactory().textNode(t.toInstant().toString());
        }
        String c = column.toLowerCase(java.util.Locale.ROOT);
        if (c.equals("tags") || c.equals("article_ids") || c.equals("sources") || c.equals("evidence")) {
            try {
                return Json.MAPPER.readTree(v.toString());
            } catch (IOException e) {
                return Json.MAPPER.getNodeFactory().textNode(v.toString());
            }
        }
        if (c.endsWith("_at") || c.startsWith("window_start") || c.startsWith("window_end")) {
            return Json.MAPPER.getNodeFactory().textNode(Instant.parse(v.toString()).toString());
        }
        return Json.MAPPER.valueToTree(v);
    }
}
