// One file's lint result: ESLint's JSON shape (see ../shared/interfaces.md), which every
// formatter reads.
import type { Finding } from './engine.ts';

export interface LintResult {
  filePath: string;
  messages: Finding[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, when `--fix` changed the file. */
  output?: string;
}

/** Catalogue entry of a rule, as formatters and `hindsight rules` show it. */
export interface RuleMeta {
  id: string;
  description: string;
  severity: 'error' | 'warn' | 'off';
  fixable: boolean;
  /** Where the rule is documented. */
  helpUri: string;
}

export function summarise(filePath: string, messages: Finding[], output?: string): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  const result: LintResult = { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
  if (output !== undefined) result.output = output;
  return result;
}

export const DOCS_BASE = 'https://github.com/hindsight-postmortems/hindsight/blob/main/README.md';

export function helpUri(ruleId: string): string {
  return `${DOCS_BASE}#rule-${ruleId}`;
}
