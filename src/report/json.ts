// `hindsight lint --format json`: ESLint's JSON formatter shape (../shared/interfaces.md), one
// entry per linted file, also for files without findings. A fix is printed as ESLint prints
// one: `{ "range": [start, end], "text": "…" }`, offsets into the file's original text.
import type { Finding } from '../lint/engine.ts';
import type { LintResult } from '../lint/result.ts';

/** A finding as ESLint's JSON prints it: the fix as a range and its text. */
export type JsonMessage = Omit<Finding, 'fix'> & { fix?: { range: [number, number]; text: string } };

export interface JsonResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  messages: JsonMessage[];
  fixableErrorCount: number;
  fixableWarningCount: number;
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
    messages: result.messages.map((m) => {
      const message: JsonMessage = {
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        ...(m.messageId !== undefined && { messageId: m.messageId }),
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
      };
      if (m.fix) message.fix = { range: [m.fix.start, m.fix.end], text: m.fix.text };
      return message;
    }),
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
  };
  if (result.output !== undefined) out.output = result.output;
  return out;
}
