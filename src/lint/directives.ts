// Inline directives in HTML comments, as ESLint has them:
//   <!-- hindsight-disable rule-a rule-b -->        off from here (no ids: every rule)
//   <!-- hindsight-enable rule-a -->                on again
//   <!-- hindsight-disable-next-line rule-a -- why --> off for the next line only
//   <!-- hindsight-disable-line rule-a -->          off for this line
// Applying them is a step of the linter after the rules ran (ESLint's apply-disable-directives):
// only then is it known which findings each directive suppressed. The same step reports
// directives that name unknown rules or suppress nothing, under the id `directives`, which users
// configure as a rule; its catalogue entry (schema, docs page) is declared here.
import type { Nodes, Root } from 'mdast';
import { defineRule, fillMessage, md, type Severity } from './rule.ts';

export const DIRECTIVES_ID = 'directives';

/** The `directives` entry of the rule catalogue: its severity and docs. Its findings come from applyDirectives(). */
const messages = {
  unknownRule: 'Unknown rule "{{id}}" in a hindsight-{{kind}} directive: `hindsight rules` lists the rule ids.',
  disabledNothing: 'This hindsight-{{kind}} directive disabled nothing (no finding of {{what}} {{where}}): remove it.',
} as const;

export const directivesRule = defineRule({
  id: DIRECTIVES_ID,
  messages,
  description: 'An inline directive that names an unknown rule or disables nothing',
  severity: 'warn',
  docs: {
    rationale:
      'A `<!-- hindsight-disable… -->` comment is an exception someone had to justify. One that names a rule that does not exist (a typo, a renamed rule) silences nothing while looking as if it did, and one that no longer suppresses any finding (the text was fixed since) hides the next real problem on that line. Both are reported so exceptions stay few and true. `hindsight-enable` comments are never reported; text in code or inline code is not a directive.',
    invalid: [
      {
        title: 'an unknown rule id',
        markdown: md`
          ## Timeline (all times UTC)

          <!-- hindsight-disable-next-line timeline-ordre -->
          - 10:00 Alert fired
        `,
        expected: `
          3:1-3:52 unknownRule
        `,
      },
      {
        title: 'a disable-next-line that disables nothing: the entries are in order',
        markdown: md`
          ## Timeline (all times UTC)

          - 10:00 Alert fired
          <!-- hindsight-disable-next-line timeline-order -- the log was late -->
          - 10:20 Rollback started
        `,
        expected: `
          4:1-4:72 disabledNothing
        `,
      },
    ],
    valid: [
      {
        title: 'ordinary comments and directives quoted as code',
        markdown: md`
          ## Timeline (all times UTC)

          <!-- reviewed by the SRE team -->
          - 10:00 Alert fired

          To silence a rule write \`<!-- hindsight-disable-next-line timeline-order -->\` above the line.
        `,
      },
    ],
  },
  check() {
    // Nothing to check in the document alone: applyDirectives() reports, after the rules ran.
  },
});

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  ruleIds: string[];
  reason: string | null;
  line: number;
  column: number;
  /** Where the comment ends (the column after its `-->`). */
  endLine: number;
  endColumn: number;
  /** The line the directive covers (for the -line kinds). */
  targetLine: number;
}

const COMMENT = /<!--\s*hindsight-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

export function readDirectives(tree: Root): Directive[] {
  const directives: Directive[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html' && node.value.includes('hindsight-'))
      collect(node.value, node.position?.start.line ?? 1, node.position?.start.column ?? 1, node.position?.end.line ?? 1, directives);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return directives.sort((a, b) => a.line - b.line || a.column - b.column);
}

function collect(html: string, line: number, column: number, endLine: number, out: Directive[]): void {
  COMMENT.lastIndex = 0;
  for (let match = COMMENT.exec(html); match; match = COMMENT.exec(html)) {
    const before = html.slice(0, match.index);
    const newlines = before.split('\n').length - 1;
    const at = line + newlines;
    const kind = match[1] as DirectiveKind;
    const [list = '', reason] = match[2]!.split(/\s--\s?/, 2);
    const ruleIds = list.split(/[\s,]+/).filter(Boolean);
    const commentEnd = line + html.slice(0, match.index + match[0].length).split('\n').length - 1;
    const startColumn = newlines === 0 ? column + match.index : match.index - before.lastIndexOf('\n');
    const lastBreak = match[0].lastIndexOf('\n');
    out.push({
      kind,
      ruleIds,
      reason: reason?.trim() || null,
      line: at,
      column: startColumn,
      endLine: commentEnd,
      endColumn: lastBreak < 0 ? startColumn + match[0].length : match[0].length - lastBreak,
      targetLine: kind === 'disable-next-line' ? Math.min(commentEnd, endLine) + 1 : at,
    });
  }
}

/** What the step reads of a finding. */
interface Located {
  ruleId: string;
  line: number;
  column: number;
}

/** A finding of the directives step (the shape of a finding of the engine). */
export interface DirectiveFinding extends Located {
  severity: 1 | 2;
  message: string;
  messageId: keyof typeof messages;
  endLine: number;
  endColumn: number;
}

/** Why a finding is not reported, as ESLint's suppressedMessages give it: a directive (its reason after `--`) or the baseline. */
export interface Suppression {
  kind: 'directive' | 'baseline';
  justification: string;
}

export type Suppressed<F> = F & { suppressions: Suppression[] };

/**
 * The findings no directive suppresses, followed, while `directives` is among the active
 * rules, by the step's own: directives that name unknown rules or disabled nothing. Each
 * suppressed finding is added to `suppressed`, when given, with the directive's reason.
 */
export function applyDirectives<F extends Located>(
  findings: readonly F[],
  directives: readonly Directive[],
  knownRuleIds: ReadonlySet<string>,
  rules: readonly { rule: { id: string }; severity: Severity }[],
  suppressed?: Suppressed<F>[],
): (F | DirectiveFinding)[] {
  const setting = rules.find((r) => r.rule.id === DIRECTIVES_ID);
  const used = new Set<Directive>();
  const covers = (d: Directive, f: Located): boolean => d.ruleIds.length === 0 || d.ruleIds.includes(f.ruleId);

  const kept = findings.filter((finding) => {
    // Block directives: the last disable/enable before the finding's position decides (one
    // later on the finding's own line does not reach back to it).
    let suppressedBy: Directive | null = null;
    for (const d of directives) {
      if (d.line > finding.line || (d.line === finding.line && d.column > finding.column)) break;
      if (!covers(d, finding)) continue;
      if (d.kind === 'disable') suppressedBy = d;
      else if (d.kind === 'enable') suppressedBy = null;
    }
    for (const d of directives) {
      if ((d.kind === 'disable-next-line' || d.kind === 'disable-line') && d.targetLine === finding.line && covers(d, finding)) suppressedBy = d;
    }
    if (suppressedBy) {
      used.add(suppressedBy);
      suppressed?.push({ ...finding, suppressions: [{ kind: 'directive', justification: suppressedBy.reason ?? '' }] });
    }
    return suppressedBy === null;
  });
  if (!setting) return kept;

  const severity = setting.severity === 'error' ? 2 : 1;
  const problem = (d: Directive, messageId: keyof typeof messages, data: Record<string, string>): DirectiveFinding => {
    const message = fillMessage(messages[messageId], data);
    return { ruleId: DIRECTIVES_ID, severity, message, messageId, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
  };
  const problems: DirectiveFinding[] = [];
  for (const d of directives) {
    const unknown = d.ruleIds.filter((id) => !knownRuleIds.has(id));
    for (const id of unknown) {
      problems.push(problem(d, 'unknownRule', { id, kind: d.kind }));
    }
    if (unknown.length === 0 && d.kind !== 'enable' && !used.has(d)) {
      const what = d.ruleIds.length ? d.ruleIds.join(', ') : 'any rule';
      const where = d.kind === 'disable' ? 'after it' : `on line ${d.targetLine}`;
      problems.push(problem(d, 'disabledNothing', { kind: d.kind, what, where }));
    }
  }
  return problems.length ? [...kept, ...problems] : kept;
}
