package io.newswatch.sink.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by a sink from before migrations is taken over and brought to the current schema. */
class SchemaMigrationTest {
    /** The tables as the sink created them before it had migrations. */
    private static void createOldSchema(Connection c, String ts, String json) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE alerts (alert_id TEXT PRIMARY KEY, kind TEXT NOT NULL, rule TEXT NOT NULL, "
                    + "severity TEXT NOT NULL, desk TEXT, reason TEXT NOT NULL, story_id TEXT, tags " + json
                    + " NOT NULL, article_ids " + json + " NOT NULL, article_count INTEGER NOT NULL, sources " + json
                    + " NOT NULL, title TEXT, url TEXT, snippet TEXT, evidence " + json + " NOT NULL, created_at " + ts
                    + " NOT NULL, updated_at " + ts + " NOT NULL, version INTEGER NOT NULL)");
            s.execute("CREATE TABLE tag_counts (tag TEXT NOT NULL, source TEXT NOT NULL, co_tag TEXT NOT NULL, "
                    + "window_size TEXT NOT NULL, window_start " + ts + " NOT NULL, window_end " + ts + " NOT NULL, "
                    + "articles BIGINT NOT NULL, stories BIGINT NOT NULL, top_sources " + json + " NOT NULL, "
                    + "status TEXT NOT NULL, updated_at " + ts + " NOT NULL, "
                    + "PRIMARY KEY (tag, source, co_tag, window_size, window_start))");
        }
    }

    private static void insertAlert(Connection c, String id, String updatedAt) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO alerts VALUES ('" + id + "', 'rule', 'r', 'LOW', NULL, 'why', NULL, '[]', '[]', 1, "
                    + "'[]', NULL, NULL, NULL, '[]', '" + updatedAt + "', '" + updatedAt + "', 1)");
        }
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void anOldSqliteDatabaseIsBaselinedAndItsTimesMadeToSortAsTime(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection(url)) {
            createOldSchema(c, "TEXT", "TEXT");
            // Instant.toString() of three instants half a second apart: text order was not time order.
            insertAlert(c, "a", "2026-03-10T12:00:00.500Z");
            insertAlert(c, "b", "2026-03-10T12:00:00Z");
            insertAlert(c, "c", "2026-03-10T12:00:01Z");
        }
        try (Database db = new Database(url, null, null)) {
            assertEquals(Dialect.SQLITE, db.dialect());
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(List.of("b", "a", "c"), column(c, "SELECT alert_id FROM alerts ORDER BY updated_at"));
            assertEquals(List.of("2026-03-10T12:00:00.000000000Z", "2026-03-10T12:00:00.500000000Z",
                    "2026-03-10T12:00:01.000000000Z"), column(c, "SELECT updated_at FROM alerts ORDER BY updated_at"));
            assertEquals(List.of("1", "2", "3", "4"), column(c,
                    "SELECT version FROM newswatch_schema_history WHERE success = 1 ORDER BY installed_rank"));
        }
    }

    @Test
    void aNewSqliteDatabaseGetsEveryMigrationAndWritesFixedWidthTimes(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("new.db");
        try (Database db = new Database(url, null, null)) {
            assertEquals(Dialect.SQLITE, db.dialect());
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(List.of("1", "2", "3", "4"), column(c, "SELECT version FROM newswatch_schema_history ORDER BY installed_rank"));
        }
        assertEquals("2026-03-10T12:00:00.000000000Z", Dialect.sortableText(Instant.parse("2026-03-10T12:00:00Z")));
        assertTrue(Dialect.sortableText(Instant.parse("2026-03-10T12:00:00Z"))
                .compareTo(Dialect.sortableText(Instant.parse("2026-03-10T12:00:00.5Z"))) < 0);
    }

    @Test
    void anOldPostgresDatabaseIsTakenOverAsVersionOne() throws Exception {
        Optional<Path> bin = PostgresServer.find();
        assumeTrue(bin.isPresent(), "no PostgreSQL binaries under /usr/lib/postgresql (.ci/run installs them)");
        try (PostgresServer server = PostgresServer.start(bin.get())) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
                createOldSchema(c, "TIMESTAMPTZ", "JSONB");
                insertAlert(c, "a", "2026-03-10T12:00:00.500Z");
            }
            try (Database db = new Database(server.jdbcUrl(), null, null)) {
                assertEquals(Dialect.POSTGRESQL, db.dialect());
            }
            try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
                assertEquals(List.of("a"), column(c, "SELECT alert_id FROM alerts"));
                assertEquals(List.of("1", "2", "3", "4"), column(c, "SELECT version FROM newswatch_schema_history WHERE success"));
            }
        }
    }
}
