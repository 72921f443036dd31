// `hindsight lint --format json`: ESLint's JSON formatter shape (../shared/interfaces.md), one
// entry per linted file, also for files without findings. A fix is printed as ESLint prints
// one: `{ "range": [start, end], "text": "…" }`, offsets into the file's original text. As in
// ESLint, a file that could not be read or parsed has a message with `fatal: true` and
// `ruleId: null`, and the findings a disable comment or the baseline silenced are listed
// under `suppressedMessages`, each with why.
import { FATAL_RULE, type Finding } from '../lint/engine.ts';
import type { LintResult, Suppression } from '../lint/result.ts';

/** A finding as ESLint's JSON prints it: the fix as a range and its text; a fatal one without a rule id. */
export type JsonMessage = Omit<Finding, 'fix' | 'ruleId'> & { ruleId: string | null; fatal?: true; fix?: { range: [number, number]; text: string } };

export type JsonSuppressedMessage = JsonMessage & { suppressions: Suppression[] };

export interface JsonResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  messages: JsonMessage[];
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalErrorCount: number;
  suppressedMessages: JsonSuppressedMessage[];
  /** Always empty: no rule of Hindsight's is deprecated. */
  usedDeprecatedRules: { ruleId: string; replacedBy: string[] }[];
  /** The file's text, when asked for (`--include-source`). */
  source?: string;
  output?: string;
}

export function formatJson(results: LintResult[]): string {
  return `${JSON.stringify(results.map(toJsonResult))}\n`;
}

export function toJsonResult(result: LintResult): JsonResult {
  const out: JsonResult = {
    filePath: result.filePath,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    messages: result.messages.map(toJsonMessage),
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    fatalErrorCount: result.fatalErrorCount,
    suppressedMessages: result.suppressedMessages.map((m) => ({ ...toJsonMessage(m), suppressions: m.suppressions })),
    usedDeprecatedRules: [],
  };
  if (result.source !== undefined) out.source = result.source;
  if (result.output !== undefined) out.output = result.output;
  return out;
}

function toJsonMessage(m: Finding): JsonMessage {
  const fatal = m.ruleId === FATAL_RULE;
  const message: JsonMessage = {
    ruleId: fatal ? null : m.ruleId,
    severity: m.severity,
    message: m.message,
    ...(m.messageId !== undefined && { messageId: m.messageId }),
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  };
  if (fatal) message.fatal = true;
  if (m.fix) message.fix = { range: [m.fix.start, m.fix.end], text: m.fix.text };
  return message;
}
