// `hindsight lint --format github`: one GitHub Actions workflow command per finding, which
// the runner turns into an annotation on the file and line. Nothing else is printed: any
// other line on stdout would only clutter the job log. Properties and messages are escaped
// as the runner unescapes them, so that no text of a document can end the command early or
// start another. Control characters in messages are shown as escapes, as in every format for
// people; the file name stays as it is, for GitHub to find the file.
import { relative, resolve, sep } from 'node:path';
import type { LintResult } from '../lint/result.ts';
import { visible } from './terminal.ts';

export interface GithubOptions {
  cwd: string;
}

export function formatGithub(results: LintResult[], options: GithubOptions): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = workspacePath(result.filePath, options.cwd);
    for (const m of result.messages) {
      const endLine = Math.max(m.line, m.endLine);
      const endColumn = endLine === m.line ? Math.max(m.column, m.endColumn) : m.endColumn;
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${endLine}`,
        `endColumn=${endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${properties}::${escapeData(visible(m.message))}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Escaping of a command's message, as the runner (and @actions/core) undo it. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property value: the message's, plus `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The path relative to `cwd` (the workspace), with forward slashes. */
function workspacePath(filePath: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, filePath)) || filePath;
  return sep === '/' ? rel : rel.split(sep).join('/');
}
