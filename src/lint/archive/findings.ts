// Messages and positions for the cross-file rules' findings: lists of paths, a line's range,
// the line of a frontmatter key.
import type { Postmortem } from '../../core/model.ts';

const SHOWN = 3;

/** "a.md", "a.md and b.md", "a.md, b.md, c.md and 2 more". */
export function listPaths(paths: readonly string[]): string {
  if (paths.length <= 1) return paths.join('');
  if (paths.length <= SHOWN) return `${paths.slice(0, -1).join(', ')} and ${paths[paths.length - 1]}`;
  return `${paths.slice(0, SHOWN).join(', ')} and ${paths.length - SHOWN} more`;
}

/** A whole line as a finding's range: from its first non-space character to its end. */
export function lineRange(source: string, lineStarts: readonly number[], line: number): { line: number; column: number; endLine: number; endColumn: number } {
  const start = lineStarts[line - 1] ?? 0;
  const end = lineStarts[line] !== undefined ? lineStarts[line]! - 1 : source.length;
  const text = source.slice(start, end).replace(/\r$/, '');
  const indent = text.length - text.trimStart().length;
  return { line, column: indent + 1, endLine: line, endColumn: Math.max(indent + 1, text.trimEnd().length + 1) };
}

/**
 * The file line of a frontmatter key, or of one of its values (`related: [A, B]` or a
 * block list under the key): the first line from the key on that holds the value.
 */
export function frontmatterLine(model: Postmortem, key: string, value?: string): number | null {
  const { raw, span } = model.frontmatter;
  if (raw === null || span === null) return null;
  const lines = raw.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (at === -1) return null;
  if (value !== undefined) {
    for (let i = at; i < lines.length && (i === at || /^[\s-]/.test(lines[i]!)); i++) {
      if (lines[i]!.includes(value)) return span.start.line + 1 + i;
    }
  }
  return span.start.line + 1 + at;
}
