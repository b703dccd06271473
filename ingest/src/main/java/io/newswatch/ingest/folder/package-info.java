/**
 * Folder sources: reading {@code .txt}, {@code .html} and {@code .jsonl} files into documents, once or watching
 * for new files, and rejecting (with a reason) what is empty, binary, too big, wrongly encoded or malformed.
 */
package io.newswatch.ingest.folder;
