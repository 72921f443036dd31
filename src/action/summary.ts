// The job summary the action writes to $GITHUB_STEP_SUMMARY: one row per postmortem with its
// errors, warnings and the incident's metrics from the model (time to detect, time to
// resolve), then the findings themselves, folded.
//
// GitHub renders the summary as Markdown with HTML, and everything in it but the counts comes
// from the pull request: titles, file names, severities, messages quoting the text. So each
// piece is written as a code span (markdownCode), the one Markdown construct whose content is
// shown as it is: no image, link, HTML, emphasis or mention forms inside it, and GFM finds no
// autolink in it (it does in text, even with every character escaped). Each link target is
// percent-encoded (blobLink): a file name cannot end its link early.
import path from 'node:path';
import type { IncidentMetrics } from '../lint/incident-summary.ts';
import type { LintResult } from '../lint/result.ts';
import { visibleLine } from '../report/terminal.ts';

export type { IncidentMetrics } from '../lint/incident-summary.ts';

export interface SummaryRow {
  result: LintResult;
  metrics: IncidentMetrics | null;
}

export interface SummaryContext {
  /** Paths are shown relative to this folder (the workspace). */
  workspace: string;
  /** What was linted: "changed" (with the commits) or "all". */
  scope: { kind: 'all'; reason?: string } | { kind: 'changed'; base: string; head: string };
  /** Link each file to its blob on GitHub: `${server}/${repository}/blob/${sha}/`. */
  blobBase?: string | null;
  sarifFile?: string | null;
}

const MAX_FINDINGS = 200;

export function formatSummary(rows: readonly SummaryRow[], context: SummaryContext): string {
  const errors = rows.reduce((n, r) => n + r.result.errorCount, 0);
  const warnings = rows.reduce((n, r) => n + r.result.warningCount, 0);
  const lines: string[] = [];
  const status = errors > 0 ? '❌' : warnings > 0 ? '⚠️' : '✅';
  lines.push(`## ${status} Hindsight: ${count(rows.length, 'postmortem')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}`, '');
  const scope = context.scope;
  if (scope.kind === 'changed') lines.push(`Postmortems changed between \`${scope.base.slice(0, 7)}\` and \`${scope.head.slice(0, 7)}\`.`, '');
  else lines.push(`Every postmortem in the archive${scope.reason ? ` (${markdownCode(scope.reason)})` : ''}.`, '');
  if (rows.length === 0) {
    lines.push('No postmortem was changed: nothing to lint.', '');
    return `${lines.join('\n')}\n`;
  }

  lines.push('| Postmortem | Errors | Warnings | Severity | Time to detect | Time to resolve | Duration |');
  lines.push('| --- | ---: | ---: | --- | ---: | ---: | ---: |');
  for (const { result, metrics } of rows) {
    const file = relative(result.filePath, context.workspace);
    const name = context.blobBase ? `[${markdownCode(file, TABLE)}](${blobLink(context.blobBase, file)})` : markdownCode(file, TABLE);
    const title = metrics?.title ? `<br>${markdownCode(metrics.title, TABLE)}` : '';
    lines.push(
      `| ${name}${title} | ${result.errorCount} | ${result.warningCount} | ${metrics?.severity ? markdownCode(metrics.severity, TABLE) : '—'} | ${duration(metrics?.detectMinutes)} | ${duration(metrics?.resolveMinutes)} | ${duration(metrics?.durationMinutes)} |`,
    );
  }
  lines.push('', "Times count from the incident's start: to its detection (`detected:`), to its resolution (`resolved:`, else its end).", '');

  const withFindings = rows.filter((r) => r.result.messages.length > 0);
  if (withFindings.length > 0) {
    lines.push('<details><summary>Findings</summary>', '');
    let shown = 0;
    for (const { result } of withFindings) {
      if (shown >= MAX_FINDINGS) break;
      lines.push(`**${markdownCode(relative(result.filePath, context.workspace))}**`, '');
      for (const m of result.messages) {
        if (shown++ >= MAX_FINDINGS) break;
        lines.push(`- ${m.severity === 2 ? 'error' : 'warning'} line ${m.line}: ${markdownCode(m.message)} (\`${m.ruleId}\`)`);
      }
      lines.push('');
    }
    const total = withFindings.reduce((n, r) => n + r.result.messages.length, 0);
    if (total > MAX_FINDINGS) lines.push(`…and ${total - MAX_FINDINGS} more: see the annotations or run \`npx hindsight lint\`.`, '');
    lines.push('</details>', '');
  }
  if (context.sarifFile) lines.push(`SARIF written to ${markdownCode(relative(context.sarifFile, context.workspace))} for code scanning.`, '');
  return `${lines.join('\n')}\n`;
}

/** "5 min", "1 h 12 min", "2 d 3 h"; "—" when unknown. */
export function duration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  if (minutes < 0) return `${minutes} min`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function relative(file: string, workspace: string): string {
  const rel = path.relative(workspace, file) || file;
  return rel.split(path.sep).join('/');
}

const TABLE = { inTable: true };

/**
 * Text as a code span, which GitHub's Markdown shows as written: on one line, control
 * characters as escapes, fenced by more backticks than it holds in a row. In a table cell a
 * pipe becomes "│": GFM splits cells before it reads code spans, and a backslash before an
 * escaped pipe would escape the backslash instead, ending the cell inside the span.
 */
export function markdownCode(text: string, options: { inTable?: boolean } = {}): string {
  let line = visibleLine(text.replace(/\s+/g, ' ').trim());
  if (line === '') return '';
  if (options.inTable) line = line.replace(/\|/g, '\u2502');
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick needs a space inside its fence (one is stripped on each side).
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** The link to a file's blob: each path segment percent-encoded, brackets and quotes too. */
export function blobLink(blobBase: string, file: string): string {
  const segment = (part: string): string => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${blobBase}${file.split('/').map(segment).join('/')}`;
}
