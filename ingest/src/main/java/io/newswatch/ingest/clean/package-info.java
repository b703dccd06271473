/**
 * Turning text as scraped into clean article text: Unicode and whitespace normalisation, page chrome and boilerplate
 * lines, inline script code, leftover HTML, repeated captions and footers, image-alt residue; and taking the title,
 * byline, dateline, date and source out of the text where it gives them.
 */
package io.newswatch.ingest.clean;
