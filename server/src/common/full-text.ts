/**
 * Full-text search pieces shared by the corpus's finding search and the report library's page
 * search: both cut snippets with ts_headline from HTML-escaped text, so that only the <mark>
 * tags are markup.
 */

/** ts_headline's options: matches in <mark>…</mark>, up to two fragments of about 35 words. */
export const HEADLINE_OPTIONS = `'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;

/** The SQL text expression, HTML-escaped (&, <, >), for ts_headline to cut a snippet from. */
export const htmlEscapedSql = (expression: string) =>
  `replace(replace(replace(${expression}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
