/** The {@code newswatch} command line: one runnable jar for the demo and for each worker. */
package io.newswatch.app;
