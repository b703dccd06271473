/** Windowed tag counts on event time (hourly and daily), kept in a changelogged state store. */
package io.newswatch.enrich.aggregate;
