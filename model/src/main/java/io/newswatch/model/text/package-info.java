/**
 * Text safety shared by every stage: what may appear in a field that a person, a database or a terminal will read.
 */
package io.newswatch.model.text;
