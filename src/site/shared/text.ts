// Document text on its way into the XML the site writes (the feed, the search index's
// documents). Text for the build log goes through src/report/terminal.ts and runner.ts, as
// everything the command line prints.

/**
 * Characters XML 1.0 does not allow anywhere, not even escaped: C0 controls but tab, line feed
 * and carriage return; lone surrogates; U+FFFE and U+FFFF.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without the characters XML 1.0 forbids (a pasted coloured log's ESC, a NUL). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}
