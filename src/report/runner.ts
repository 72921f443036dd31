// Output that a GitHub Actions runner reads. The runner scans every line a step prints, on
// stdout and stderr alike, for workflow commands: `::name props::data` at the start of a line
// (after blanks) and the legacy `##[name props]data` anywhere in it. A command sets outputs,
// writes annotations, masks or stops the log. Text from a pull request's documents or
// configuration must never become one, so under Actions what Hindsight prints for people is:
//
// - wrapped in `::stop-commands::TOKEN` … `::TOKEN::`, a fresh random token each time, which
//   the runner honours by parsing no command until the token comes back;
// - defused as well, since the runner reads stdout and stderr through two pipes and may
//   interleave their lines so that one stream's text falls after the other stream's resume:
//   `##[` and a leading `::` get a zero-width space between their characters.
//
// JSON (and SARIF) cannot be wrapped without ceasing to be JSON when it is redirected to a
// file: there, `##[` (only ever inside a string) is written `##\u005b`, the same JSON value.
// A leading `::` cannot occur in JSON, whose strings hold no raw line breaks.

/** True when running as a step of a GitHub Actions job. */
export function underGithubActions(env: Record<string, string | undefined> = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

const ZERO_WIDTH_SPACE = '\u200b';
const LEGACY_COMMAND = /##\[/g;
// A line, as the runner splits them (CR, LF), starting with blanks (what .NET's TrimStart
// removes, and more) and `::`.
const LEADING_COMMAND = /(^|[\r\n])([\s\u0085\u001c-\u001f]*):(?=:)/g;

/** The text with nothing the runner could read as a workflow command. */
export function defuseCommands(text: string): string {
  return text.replace(LEGACY_COMMAND, `#${ZERO_WIDTH_SPACE}#[`).replace(LEADING_COMMAND, `$1$2:${ZERO_WIDTH_SPACE}`);
}

/** A token for `::stop-commands::` that does not occur in `text`. */
export function stopToken(text: string): string {
  for (;;) {
    const token = `hindsight-${process.getBuiltinModule('node:crypto').randomBytes(16).toString('hex')}`;
    if (!text.includes(token)) return token;
  }
}

/** Text for the job log: defused, inside a stopped region of its own. Empty text stays empty. */
export function stopCommands(text: string): string {
  if (text === '') return text;
  const body = defuseCommands(text.endsWith('\n') ? text : `${text}\n`);
  const token = stopToken(body);
  return `::stop-commands::${token}\n${body}::${token}::\n`;
}

/** JSON text the runner reads no command from, parsing to the same value. */
export function jsonForRunner(json: string): string {
  return json.replace(LEGACY_COMMAND, '##\\u005b');
}
