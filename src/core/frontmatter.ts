// The YAML frontmatter block, read with the `yaml` package: its errors carry positions,
// duplicate keys are errors, and alias expansion is bounded (a "billion laughs" block
// becomes an error, not an out-of-memory).
import type { Root } from 'mdast';
import { LineCounter, parseDocument } from 'yaml';
import type { FrontmatterInfo } from './model.ts';

const MAX_ALIAS_COUNT = 100;

export function readFrontmatter(tree: Root): FrontmatterInfo {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml' || !node.position) {
    return { data: null, raw: null, span: null, errors: [] };
  }
  const { start, end } = node.position;
  const span = {
    start: { line: start.line, column: start.column, offset: start.offset ?? 0 },
    end: { line: end.line, column: end.column, offset: end.offset ?? 0 },
  };
  const raw = node.value;
  // The YAML text begins on the line after the opening `---`.
  const firstLine = start.line + 1;
  const errors: FrontmatterInfo['errors'] = [];
  let data: Record<string, unknown> | null = null;
  // Error positions come from the line counter: `error.linePos` is only set with prettyErrors.
  const lineCounter = new LineCounter();
  const doc = parseDocument(raw, { uniqueKeys: true, prettyErrors: false, strict: true, lineCounter });
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    errors.push({
      message: firstSentence(error.message),
      line: firstLine + pos.line - 1,
      column: pos.col,
    });
  }
  if (errors.length === 0) {
    try {
      const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (value === null || value === undefined) data = {};
      else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else errors.push({ message: 'Frontmatter must be a mapping of keys to values', line: firstLine, column: 1 });
    } catch (error) {
      errors.push({ message: firstSentence((error as Error).message), line: firstLine, column: 1 });
    }
  }
  return { data, raw, span, errors };
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
