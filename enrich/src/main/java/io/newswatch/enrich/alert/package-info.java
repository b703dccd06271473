/**
 * Alerts for monitoring desks: alert rules say which tag combinations make an alert, at what severity, for which
 * desk; one alert exists per story per rule and is updated, never duplicated, as the story grows.
 */
package io.newswatch.enrich.alert;
