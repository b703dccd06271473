package io.newswatch.sink.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.TagCount;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upserts on both databases: re-delivery changes nothing, an update replaces, an older version never wins. */
class DatabaseTest {
    private static final Instant T = Instant.parse("2026-03-10T08:00:00Z");

    private static Alert alert(int version, List<String> articles) {
        return new Alert("watchlist:s1", Alert.STORY, "watchlist", "low", null, "CSTO", List.of("CSTO"), "s1", articles,
                articles.size(),
                List.of("Wire"), "Title", "https://news.test/1", "snippet",
                List.of(new Evidence("csto-en", "body", 0, 4, "CSTO", "CSTO met.")), T, T.plusSeconds(version),
                version, Alert.SCHEMA_VERSION);
    }

    private static TagCount count(long articles) {
        return count(articles, TagCount.LIVE);
    }

    private static TagCount count(long articles, String status) {
        return new TagCount("CSTO", null, null, "P1D", Instant.parse("2026-03-10T00:00:00Z"),
                Instant.parse("2026-03-11T00:00:00Z"), articles, articles,
                List.of(new TagCount.SourceCount("Wire", articles)), status, T, TagCount.SCHEMA_VERSION);
    }

    private static String row(Database db, String sql) throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(rs.getString(1)).append(';');
            }
            return out.toString();
        }
    }

    private static void checkUpserts(Database db) throws SQLException {
        db.write(List.of(alert(1, List.of("a1"))), List.of(count(1)));
        db.write(List.of(alert(1, List.of("a1"))), List.of(count(1)));
        assertEquals("1;", row(db, "SELECT count(*) FROM alerts"));
        assertEquals("1;", row(db, "SELECT article_count FROM alerts"));

        db.write(List.of(alert(2, List.of("a1", "a2"))), List.of(count(2)));
        db.write(List.of(alert(1, List.of("a1"))), List.of(count(1)));
        assertEquals("2;", row(db, "SELECT version FROM alerts"));
        assertEquals("2;", row(db, "SELECT articles FROM tag_counts"));
        assertEquals("1;", row(db, "SELECT count(*) FROM tag_counts"));

        db.write(List.of(), List.of(count(2, TagCount.FINAL)));
        db.write(List.of(), List.of(count(3, TagCount.LIVE)));
        assertEquals("final 2;", row(db, "SELECT status || ' ' || articles FROM tag_counts"),
                "a live value never replaces the count of a closed window");

        db.write(List.of(), List.of(count(3, TagCount.REVISION)));
        db.write(List.of(), List.of(count(3, TagCount.REVISION)));
        assertEquals("revision 3;", row(db, "SELECT status || ' ' || articles FROM tag_counts"),
                "a late article revises the closed window");
        db.write(List.of(), List.of(count(1, TagCount.FINAL)));
        assertEquals("revision 3;", row(db, "SELECT status || ' ' || articles FROM tag_counts"),
                "a window enrich forgot and started again never lowers the count");
    }

    @Test
    void sqliteUpsertsAreIdempotent(@TempDir Path dir) throws SQLException {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("t.db"), null, null)) {
            checkUpserts(db);
        }
    }

    @Test
    void postgresqlUpsertsAreIdempotent() throws Exception {
        Optional<Path> bin = PostgresServer.find();
        assumeTrue(bin.isPresent(), "no PostgreSQL binaries under /usr/lib/postgresql (.ci/run installs them)");
        try (PostgresServer server = PostgresServer.start(bin.get());
             Database db = new Database(server.jdbcUrl(), null, null)) {
            assertEquals(Dialect.POSTGRESQL, db.dialect());
            checkUpserts(db);
            assertEquals("jsonb;", row(db, "SELECT pg_typeof(evidence)::text FROM alerts"));
        }
    }
}
