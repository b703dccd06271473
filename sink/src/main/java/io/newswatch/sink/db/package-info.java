/** The database side: schema, dialects (SQLite file by default, PostgreSQL), and the upserts. */
package io.newswatch.sink.db;
