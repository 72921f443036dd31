// Inline directives in HTML comments, as ESLint has them:
//   <!-- hindsight-disable rule-a rule-b -->        off from here (no ids: every rule)
//   <!-- hindsight-enable rule-a -->                on again
//   <!-- hindsight-disable-next-line rule-a -- why --> off for the next line only
//   <!-- hindsight-disable-line rule-a -->          off for this line
import type { Nodes, Root } from 'mdast';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  ruleIds: string[];
  reason: string | null;
  line: number;
  column: number;
  /** The line the directive covers (for the -line kinds). */
  targetLine: number;
}

const COMMENT = /<!--\s*hindsight-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

export function readDirectives(tree: Root): Directive[] {
  const directives: Directive[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html' && node.value.includes('hindsight-')) collect(node.value, node.position?.start.line ?? 1, node.position?.start.column ?? 1, node.position?.end.line ?? 1, directives);
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
    out.push({
      kind,
      ruleIds,
      reason: reason?.trim() || null,
      line: at,
      column: newlines === 0 ? column + match.index : match.index - before.lastIndexOf('\n'),
      targetLine: kind === 'disable-next-line' ? Math.min(commentEnd, endLine) + 1 : at,
    });
  }
}
