// Document text on its way out of the site, for places that are not HTML pages (Astro escapes
// those): an XML feed, the build log, a label Pagefind's UI will render as HTML.

/**
 * Characters XML 1.0 does not allow anywhere, not even escaped: C0 controls but tab, line feed
 * and carriage return; lone surrogates; U+FFFE and U+FFFF.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without the characters XML 1.0 forbids (a pasted coloured log's ESC, a NUL). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** C0 and C1 controls and DEL: what moves a terminal's cursor or starts a new log line. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Document text as one line of a build log: every control character (line breaks included)
 * written as a visible escape (`\x1b`, `\n`), so the text can neither move the terminal's
 * cursor nor start a line of its own (where a CI runner would read a workflow command).
 */
export function logText(text: string): string {
  return text.replace(CONTROL, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** A message of several lines (an error naming files): each line as `logText` writes it. */
export function logLines(text: string): string {
  return text.split('\n').map(logText).join('\n');
}

/**
 * Under GitHub Actions the runner reads every line of a step's output for workflow commands,
 * and `##[command]` anywhere in a line (the older syntax) counts. Output that carries document
 * text goes between `::stop-commands::TOKEN` and `::TOKEN::` there, with a token nobody can guess.
 */
export function withoutWorkflowCommands(text: string, env: NodeJS.ProcessEnv = process.env, token: () => string = randomToken): string {
  if (env['GITHUB_ACTIONS'] !== 'true') return text;
  const stop = token();
  return `::stop-commands::${stop}\n${text}\n::${stop}::`;
}

function randomToken(): string {
  return `hindsight-${crypto.randomUUID()}`;
}
