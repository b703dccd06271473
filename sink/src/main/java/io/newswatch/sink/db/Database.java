package io.newswatch.sink.db;

import io.newswatch.model.Alert;
import io.newswatch.model.TagCount;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** One connection to the sink's database, writing each batch of records in one transaction. */
public final class Database implements AutoCloseable {
    private final Connection connection;
    private final Dialect dialect;

    public Database(String jdbcUrl, String user, String password) throws SQLException {
        this.dialect = Dialect.of(jdbcUrl);
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        this.connection = DriverManager.getConnection(jdbcUrl, props);
        if (dialect == Dialect.SQLITE) {
            try (Statement s = connection.createStatement()) {
                // Dashboards read while the sink writes: WAL lets them, busy_timeout waits out short locks.
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA busy_timeout=5000");
            }
        }
        Schema.create(connection, dialect);
        connection.setAutoCommit(false);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Writes all of it or none of it. */
    public void write(List<Alert> alerts, List<TagCount> counts) throws SQLException {
        try (Upserts upserts = new Upserts(connection, dialect)) {
            for (Alert alert : alerts) {
                upserts.add(alert);
            }
            for (TagCount count : counts) {
                upserts.add(count);
            }
            upserts.execute();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
