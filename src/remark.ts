// `hindsight-postmortems/remark`: a unified plugin that reports Hindsight's findings as vfile
// messages, as remark-lint's rules do, so that remark-cli and remark-language-server (VS Code's
// vscode-remark, Neovim's remark_ls) show them:
//
//   unified().use(remarkParse).use(remarkHindsight, options?)
//
// It lints the file's own text (the vfile's value) with lintText: the text is parsed once more,
// by Hindsight's parser. The tree remark built is not reused because the findings would then
// depend on the plugins of the user's pipeline (without remark-frontmatter, frontmatter is a
// thematic break and a heading) and no longer match `hindsight lint`; a postmortem parses in
// a few milliseconds. The configuration is the one that applies to the vfile's path; by
// default only the postmortems `hindsight lint` lints are linted (isPostmortemPath).
import path from 'node:path';
import { isPostmortemPath, lintText, loadConfig, type HindsightConfig, type LintMessage } from './index.ts';
import { HindsightError } from './errors.ts';
import { helpUri } from './lint/result.ts';

export interface RemarkHindsightOptions {
  /** Use this configuration file (relative to the vfile's `cwd`) instead of the nearest one up from the file's folder. */
  configFile?: string;
  /** A configuration from loadConfig(), used instead of loading one. */
  config?: HindsightConfig;
  /** "Now" for the rules that compare dates with today. Default: the current time. */
  now?: Date;
  /**
   * Lint every file the pipeline processes. By default only the postmortems `hindsight lint`
   * lints (the content folder's, less the ignored ones; a file without a path too), so that an
   * editor does not report a README for its missing timeline.
   */
  allFiles?: boolean;
}

interface Point {
  line: number;
  column: number;
}

/** What the plugin sets on each message it adds, beyond vfile's own fields. */
export interface HindsightMessage {
  fatal?: boolean | null | undefined;
  url?: string | undefined;
  /** Replacements for the message's whole place: editors offer them as quick fixes. */
  expected?: string[] | undefined;
  /** The rule's fix, as `hindsight lint --format json` gives it (offsets into the file's text). */
  fix?: LintMessage['fix'];
}

/** The part of a vfile the plugin uses (vfile 6, unified 11). */
export interface VFileLike {
  value: unknown;
  path?: string | undefined;
  cwd: string;
  message(reason: string, options: { place: { start: Point; end: Point }; ruleId: string; source: string }): HindsightMessage;
}

/** The plugin: `.use(remarkHindsight, options?)`. */
export default function remarkHindsight(options: RemarkHindsightOptions = {}): (tree: unknown, file: VFileLike) => Promise<void> {
  return async (_tree, file) => {
    const text = textOf(file.value);
    const cwd = file.cwd || process.cwd();
    const filePath = file.path ? path.resolve(cwd, file.path) : undefined;
    let messages: LintMessage[];
    try {
      const config =
        options.config ??
        (await loadConfig({ cwd, ...(filePath !== undefined && { filePath }), ...(options.configFile !== undefined && { configFile: options.configFile }) }));
      if (filePath !== undefined && !options.allFiles && !(await isPostmortemPath(filePath, { cwd, config }))) return;
      const result = await lintText(text, { cwd, config, ...(filePath !== undefined && { filePath }), ...(options.now && { now: options.now }) });
      messages = result.messages;
    } catch (error) {
      // An invalid configuration: one message on the file, as `hindsight lint` prints one paragraph.
      if (!(error instanceof HindsightError)) throw error;
      messages = [{ ruleId: 'fatal', severity: 2, message: error.message, line: 1, column: 1, endLine: 1, endColumn: 1 }];
    }
    const starts = lineStarts(text);
    for (const m of messages) {
      const place = { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } };
      // A text the parser refused has no rule id (as in ESLint's JSON): "fatal" here, as for a configuration error.
      const ruleId = m.ruleId ?? 'fatal';
      const message = file.message(m.message, { place, ruleId, source: 'hindsight' });
      // As remark-lint marks a rule set to "error": editors show it as an error, remark-cli fails.
      message.fatal = m.severity === 2;
      if (ruleId !== 'fatal') message.url = helpUri(ruleId);
      if (m.fix) {
        message.fix = m.fix;
        const replacement = replacementOf(text, starts, m);
        if (replacement !== null) message.expected = [replacement];
      }
    }
  };
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return value === undefined || value === null ? '' : String(value);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The text the finding's whole range becomes with its fix made, when the fix lies inside that
 * range (a quick fix replaces the range a diagnostic underlines); null otherwise.
 */
function replacementOf(text: string, starts: readonly number[], m: LintMessage): string | null {
  const lineStart = starts[m.line - 1];
  const endLineStart = starts[m.endLine - 1];
  if (!m.fix || lineStart === undefined || endLineStart === undefined) return null;
  const start = lineStart + m.column - 1;
  const end = endLineStart + m.endColumn - 1;
  const [fixStart, fixEnd] = m.fix.range;
  if (fixStart < start || fixEnd > end || end > text.length) return null;
  return text.slice(start, fixStart) + m.fix.text + text.slice(fixEnd, end);
}
