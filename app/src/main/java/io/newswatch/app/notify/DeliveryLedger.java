package io.newswatch.app.notify;

import io.newswatch.model.Alert;
import io.newswatch.sink.db.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * What has been delivered where, in the sink's database ({@code notify_deliveries}), and what the desks did with
 * alerts ({@code alert_states}): the notify worker asks it before each send and tells it after.
 */
final class DeliveryLedger {
    private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

    private final String jdbcUrl;
    private final Properties credentials;
    private final Dialect dialect;
    private final int updateEvery;

    DeliveryLedger(String jdbcUrl, Properties credentials, int updateEvery) {
        this.jdbcUrl = jdbcUrl;
        this.credentials = credentials;
        this.dialect = Dialect.of(jdbcUrl);
        this.updateEvery = updateEvery;
    }

    /**
     * Whether this version should go to the channel: nothing while its rule or story is muted; the first version;
     * a later one when the severity rose or the story grew by {@code updateEvery} articles since the last one sent,
     * unless the desk acknowledged it.
     * A version already delivered (a replay) never goes again.
     */
    boolean shouldSend(Channel channel, Alert alert, Instant now) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, credentials);
             PreparedStatement s = c.prepareStatement("SELECT version, article_count, severity FROM "
                     + "notify_deliveries WHERE channel = ? AND alert_id = ?")) {
            s.setString(1, channel.name());
            s.setString(2, alert.alertId());
            if (muted(c, alert, now)) {
                return false;
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return true;
                }
                if (rs.getInt(1) >= alert.version() || acknowledged(c, alert.alertId())) {
                    return false;
                }
                return SEVERITIES.indexOf(alert.severity()) > SEVERITIES.indexOf(rs.getString(3))
                        || alert.articleCount() - rs.getInt(2) >= updateEvery;
            }
        }
    }

    /** A mute of the alert's rule or story, set in the console, still in force. */
    private boolean muted(Connection c, Alert alert, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM mutes WHERE until > ? AND ((kind = 'rule' "
                + "AND target = ?) OR (kind = 'story' AND target = ?))")) {
            dialect.setTimestamp(s, 1, now);
            s.setString(2, alert.rule());
            s.setString(3, alert.storyId() == null ? "" : alert.storyId());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean acknowledged(Connection c, String alertId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM alert_states WHERE alert_id = ? AND state = "
                + "'acknowledged'")) {
            s.setString(1, alertId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    void delivered(Channel channel, Alert alert, Instant at) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, credentials);
             PreparedStatement s = c.prepareStatement("INSERT INTO notify_deliveries (channel, alert_id, version, "
                     + "article_count, severity, delivered_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel, "
                     + "alert_id) DO UPDATE SET version = excluded.version, article_count = excluded.article_count, "
                     + "severity = excluded.severity, delivered_at = excluded.delivered_at")) {
            s.setString(1, channel.name());
            s.setString(2, alert.alertId());
            s.setInt(3, alert.version());
            s.setInt(4, alert.articleCount());
            s.setString(5, alert.severity());
            dialect.setTimestamp(s, 6, at);
            s.executeUpdate();
        }
    }
}
