// Runs the active rules over one parsed postmortem and applies inline directives.
import type { Parsed } from '../core/build.ts';
import { internalProblem } from '../core/guard/index.ts';
import { Archive } from './archive/archive.ts';
import { applyDirectives, readDirectives, type Suppressed } from './directives.ts';
import { textPieces, type TextPiece } from './kit/prose.ts';
import {
  fillMessage,
  type Fix,
  type LineColumnPlace,
  type LineColumnReport,
  type LintSettings,
  type MessageTable,
  type NodePlace,
  type Report,
  type Rule,
  type RuleContext,
  type Severity,
} from './rule.ts';
import { secretsFoundIn } from './secrets/find.ts';
import { maskQuotedSecrets } from './secrets/redact.ts';
import { countAtMost } from './kit/text/positions.ts';

export interface Finding {
  ruleId: string;
  /** 2 error, 1 warning (ESLint's numbers). */
  severity: 1 | 2;
  message: string;
  /** The id of the message in the rule's `messages` table; absent for a message of the rule's own. */
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
}

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/**
 * The rule id of findings that come from no rule: a file that could not be read or parsed
 * (binary, too large, past a limit of src/core/guard/) or an internal error.
 */
export const FATAL_RULE = 'fatal';

export interface LintTimings {
  /** Milliseconds per rule id, added to across files. */
  [ruleId: string]: number;
}

/** What every rule's check sees of one document: all of its context but its options, settings, archive and `report`. */
export type DocumentContext = Omit<RuleContext<Record<string, unknown>>, 'options' | 'settings' | 'archive' | 'report'>;

/**
 * The document's part of the rule context: the model, tree, source and line starts, the
 * position of an offset, and the text pieces, computed at the first rule that asks and then
 * shared by every rule given this context.
 */
export function documentContext(parsed: Parsed): DocumentContext {
  const { model, tree, lineStarts } = parsed;
  const source = model.source;
  const position = (offset: number): { line: number; column: number } => {
    const line = Math.max(0, countAtMost(lineStarts, offset) - 1);
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  let memo: TextPiece[] | null = null;
  const pieces = (): readonly TextPiece[] => (memo ??= textPieces(tree, source));
  return { model, tree, source, lineStarts, position, pieces };
}

let alone: Archive | null = null;

export function lintParsed(
  parsed: Parsed,
  rules: readonly ActiveRule[],
  settings: LintSettings,
  knownRuleIds: ReadonlySet<string>,
  timings?: LintTimings,
  /** Collects the findings inline directives suppressed (ESLint's suppressedMessages). */
  suppressed?: Suppressed<Finding>[],
): Finding[] {
  // A file that was not parsed (binary, or past a limit of src/core/guard/) has one finding.
  if (parsed.fatal) {
    const { line, column, message } = parsed.fatal;
    return [{ ruleId: FATAL_RULE, severity: 2, message, line, column, endLine: line, endColumn: column }];
  }
  const document = documentContext(parsed);
  const archive = settings.archive ?? (alone ??= Archive.documentAlone(process.cwd()));
  const { source, tree } = document;
  const findings: Finding[] = [];
  for (const active of rules) {
    const severity = active.severity === 'error' ? 2 : 1;
    const report = (r: Report): void => {
      findings.push(toFinding(active.rule.id, severity, { ...atLineColumn(r, document.position), ...textOf(active.rule, r), ...(r.fix && { fix: r.fix }) }));
    };
    const started = timings ? performance.now() : 0;
    try {
      active.rule.check({ ...document, options: active.options, settings, archive, report });
    } catch (error) {
      // A rule that throws is a bug: say so for this file and go on with the other rules.
      const problem = internalProblem(error, `run the rule ${active.rule.id} on this file`);
      findings.push({ ruleId: FATAL_RULE, severity: 2, message: problem.message, line: 1, column: 1, endLine: 1, endColumn: 1 });
    }
    if (timings) timings[active.rule.id] = (timings[active.rule.id] ?? 0) + performance.now() - started;
  }
  // A finding that quotes the document (a frontmatter value, a timeline line) must not
  // repeat a credential the secrets scan found in it: printed, cached or published.
  const secrets = secretsFoundIn(source);
  if (secrets !== null && secrets.length > 0) for (const f of findings) f.message = maskQuotedSecrets(f.message, secrets, source);
  const directives = settings.inlineConfig !== false && source.includes('hindsight-') ? readDirectives(tree) : [];
  const kept = directives.length > 0 ? applyDirectives(findings, directives, knownRuleIds, rules, suppressed) : findings;
  return kept.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

/** What a finding says: the report's own message, or its declared message filled with its data. */
function textOf(rule: Rule, r: Report): Pick<LineColumnReport, 'message' | 'messageId'> {
  if (r.messageId === undefined) return { message: r.message };
  const messages: MessageTable = rule.messages ?? {};
  const text = Object.hasOwn(messages, r.messageId) ? messages[r.messageId] : undefined;
  if (text === undefined) throw new Error(`the rule ${rule.id} reported the message id "${r.messageId}", which its messages table does not declare`);
  return { message: fillMessage(text, r.data), messageId: r.messageId };
}

/** Where a report stands, by line and column, whether given so, by source offsets or by node. */
function atLineColumn(r: Report, position: DocumentContext['position']): LineColumnPlace {
  if (r.line !== undefined) return r;
  const located = r.node !== undefined ? nodeRange(r.node) : r;
  const start = position(located.start);
  const end = position(located.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function nodeRange(node: NodePlace['node']): { start: number; end: number } {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

function toFinding(ruleId: string, severity: 1 | 2, r: LineColumnReport): Finding {
  const finding: Finding = {
    ruleId,
    severity,
    message: r.message,
    line: Math.max(1, r.line),
    column: Math.max(1, r.column),
    endLine: r.endLine ?? r.line,
    endColumn: r.endColumn ?? r.column,
  };
  if (r.messageId !== undefined) finding.messageId = r.messageId;
  if (r.fix) finding.fix = r.fix;
  return finding;
}
