package io.newswatch.sink.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What differs between the databases the sink writes to. Both understand {@code INSERT ... ON CONFLICT ... DO
 * UPDATE ... WHERE}, so the upserts are the same SQL; column types and value binding differ.
 */
public enum Dialect {
    /** A single file any dashboard tool can open (Grafana, Metabase, Superset, Python, the sqlite3 shell). */
    SQLITE("TEXT", "TEXT", "?"),
    POSTGRESQL("TIMESTAMPTZ", "JSONB", "CAST(? AS JSONB)");

    private final String timestampType;
    private final String jsonType;
    private final String jsonParameter;

    Dialect(String timestampType, String jsonType, String jsonParameter) {
        this.timestampType = timestampType;
        this.jsonType = jsonType;
        this.jsonParameter = jsonParameter;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl
                + ": use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }

    public String timestampType() {
        return timestampType;
    }

    public String jsonType() {
        return jsonType;
    }

    /** The SQL placeholder for a JSON value given as a string. */
    public String jsonParameter() {
        return jsonParameter;
    }

    /** Fixed width, so that text order is time order (Instant.toString drops a zero fraction). */
    private static final java.time.format.DateTimeFormatter SORTABLE =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** An instant as SQLite stores it: ISO-8601 UTC with nine fraction digits. */
    public static String sortableText(Instant value) {
        return SORTABLE.format(value);
    }

    /** SQLite stores fixed-width ISO-8601 UTC text (sorts as time); PostgreSQL gets a real timestamp. */
    public void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setObject(index, null);
        } else if (this == SQLITE) {
            statement.setString(index, sortableText(value));
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }
}
