package io.newswatch.sink.db;

import java.util.Locale;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database to the schema this sink writes, with Flyway's versioned migrations
 * ({@code io/newswatch/sink/db/migration/<dialect>/V<n>__*.sql}, one folder per dialect). A database made by a sink
 * from before migrations (tables, no history) is taken as version 1 and migrated from there.
 */
public final class Schema {
    private Schema() {
    }

    public static MigrateResult migrate(String jdbcUrl, Properties credentials, Dialect dialect) {
        return Flyway.configure(Schema.class.getClassLoader())
                .dataSource(jdbcUrl, credentials.getProperty("user"), credentials.getProperty("password"))
                .locations("classpath:io/newswatch/sink/db/migration/" + dialect.name().toLowerCase(Locale.ROOT))
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .table("newswatch_schema_history")
                .load()
                .migrate();
    }
}
