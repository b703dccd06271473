package io.newswatch.sink.db;

import io.newswatch.model.Alert;
import io.newswatch.model.TagCount;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The sink's connection to its database, writing each batch of records in one transaction. A connection that
 * failed is replaced before the next write, so a database that restarts is written to again once it is back.
 */
public final class Database implements AutoCloseable {
    /** SQLite result codes for a value the database refuses: too big, constraint, datatype mismatch. */
    private static final List<Integer> SQLITE_REFUSALS = List.of(18, 19, 20);

    private final String jdbcUrl;
    private final Properties properties = new Properties();
    private final Dialect dialect;
    private Connection connection;

    public Database(String jdbcUrl, String user, String password) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        this.dialect = Dialect.of(jdbcUrl);
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        Schema.migrate(jdbcUrl, properties, dialect);
        connect();
    }

    private void connect() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl, properties);
        try {
            if (dialect == Dialect.SQLITE) {
                try (Statement s = c.createStatement()) {
                    // Dashboards read while the sink writes: WAL lets them, busy_timeout waits out short locks.
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA busy_timeout=5000");
                }
            }
            c.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        this.connection = c;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Writes all of it or none of it. */
    public void write(List<Alert> alerts, List<TagCount> counts) throws SQLException {
        if (connection == null) {
            connect();
        }
        try (Upserts upserts = new Upserts(connection, dialect)) {
            for (Alert alert : alerts) {
                upserts.add(alert);
            }
            for (TagCount count : counts) {
                upserts.add(count);
            }
            upserts.execute();
            connection.commit();
        } catch (SQLException | RuntimeException | AssertionError e) {
            rollbackOrDrop(e);
            throw e;
        }
    }

    /**
     * True when the database refused the data itself (a value it cannot store, a constraint), as opposed to being
     * unreachable or failing: only then does it help to write the records one by one and set one aside.
     */
    public boolean refusedContent(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            String state = cause.getSQLState();
            // 22: data exception (a NUL in text, a bad value); 23: integrity constraint; 54: program limit (an
            // index row over the size PostgreSQL can index).
            if (dialect == Dialect.POSTGRESQL && state != null && (state.startsWith("22") || state.startsWith("23")
                    || state.startsWith("54"))) {
                return true;
            }
            if (dialect == Dialect.SQLITE && SQLITE_REFUSALS.contains(cause.getErrorCode() & 0xFF)) {
                return true;
            }
        }
        return false;
    }

    private void rollbackOrDrop(Throwable cause) {
        try {
            connection.rollback();
            if (!(cause instanceof SQLException sql) || !refusedContent(sql)) {
                drop(); // the connection may be broken: start afresh on the next write
            }
        } catch (SQLException e) {
            drop();
        }
    }

    private void drop() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it was already broken
        }
        connection = null;
    }

    /** The open connection (for tests and the sink's readers); connects first if the last one was dropped. */
    public Connection connection() throws SQLException {
        if (connection == null) {
            connect();
        }
        return connection;
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
