/**
 * {@code newswatch serve}: the desk console and the dashboard API over the database the sink writes — alerts
 * newest first with their evidence, counts per tag, acknowledgements, and a live stream of new and updated alerts
 * (Server-Sent Events) for the page it serves.
 */
package io.newswatch.app.serve;
