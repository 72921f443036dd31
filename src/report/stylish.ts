// The terminal report of `hindsight lint`, after ESLint's "stylish": one block per file that
// has findings (its path relative to the working directory), one aligned row per finding,
// then a summary. `oneLine` prints GCC-style `path:line:column: severity message (rule)` rows
// instead, which terminals and editors turn into clickable links. File names and messages
// come from documents: their control characters are printed as escapes (see terminal.ts).
import { relative, resolve } from 'node:path';
import pc from 'picocolors';
import type { Finding } from '../lint/engine.ts';
import type { LintResult } from '../lint/result.ts';
import { visibleLine } from './terminal.ts';

export interface StylishOptions {
  color: boolean;
  cwd: string;
  /** Leave warnings out (rows and counts). */
  quiet?: boolean;
  /** One `path:line:column: severity message (rule-id)` line per finding, no file blocks. */
  oneLine?: boolean;
}

export function formatStylish(results: LintResult[], options: StylishOptions): string {
  const c = pc.createColors(options.color);
  const files = results
    .map((result) => ({
      path: displayPath(result.filePath, options.cwd),
      messages: options.quiet ? result.messages.filter((m) => m.severity === 2) : result.messages,
    }))
    .filter((file) => file.messages.length > 0);
  if (files.length === 0) return '';

  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const file of files) {
    for (const m of file.messages) {
      if (m.severity === 2) {
        errors++;
        if (m.fix) fixableErrors++;
      } else {
        warnings++;
        if (m.fix) fixableWarnings++;
      }
    }
  }

  const severityText = (m: Finding): string => (m.severity === 2 ? 'error' : 'warning');
  const severityColor = (m: Finding, text: string): string => (m.severity === 2 ? c.red(text) : c.yellow(text));
  const lines: string[] = [];

  if (options.oneLine) {
    for (const file of files) {
      for (const m of file.messages) {
        const where = `${file.path}:${m.line}:${m.column}:`;
        lines.push(`${where} ${severityColor(m, severityText(m))} ${oneLineText(m.message)} ${c.dim(`(${m.ruleId})`)}`);
      }
    }
    lines.push('');
  } else {
    for (const file of files) {
      const rows = file.messages.map((m) => ({
        finding: m,
        position: `${m.line}:${m.column}`,
        severity: severityText(m),
        message: oneLineText(m.message),
      }));
      const positionWidth = Math.max(...rows.map((r) => r.position.length));
      const severityWidth = Math.max(...rows.map((r) => r.severity.length));
      const messageWidth = Math.max(...rows.map((r) => r.message.length));
      lines.push(c.underline(file.path));
      for (const row of rows) {
        lines.push(
          `  ${c.dim(row.position.padEnd(positionWidth))}` +
            `  ${severityColor(row.finding, row.severity.padEnd(severityWidth))}` +
            `  ${row.message.padEnd(messageWidth)}` +
            `  ${c.dim(row.finding.ruleId)}`,
        );
      }
      lines.push('');
    }
  }

  const total = errors + warnings;
  const summary = `✖ ${total} ${plural('problem', total)} (${errors} ${plural('error', errors)}, ${warnings} ${plural('warning', warnings)})`;
  lines.push(errors > 0 ? c.bold(c.red(summary)) : c.bold(c.yellow(summary)));
  if (fixableErrors + fixableWarnings > 0) {
    const fixable = `  ${fixableErrors} ${plural('error', fixableErrors)} and ${fixableWarnings} ${plural('warning', fixableWarnings)} potentially fixable with the \`--fix\` option.`;
    lines.push(errors > 0 ? c.bold(c.red(fixable)) : c.bold(c.yellow(fixable)));
  }
  return `${lines.join('\n')}\n`;
}

/** The file's path relative to `cwd` (the path itself when it is `cwd`), on one line. */
function displayPath(filePath: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, filePath));
  return visibleLine(rel === '' ? filePath : rel);
}

/** A message on one row: line breaks (and the spaces around them) become one space. */
function oneLineText(message: string): string {
  return visibleLine(message.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' '));
}

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}
