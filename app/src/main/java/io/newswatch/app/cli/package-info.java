/** Subcommands of {@code newswatch} and the options they share. */
package io.newswatch.app.cli;
