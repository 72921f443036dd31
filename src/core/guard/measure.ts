// The guard's one pass over a file: per line, the container prefix and block structure
// (block-cost.ts), then the paragraph's inline markers (inline-cost.ts), summed into a
// GuardMeasure.
import { CR, LF, LINE_BREAK } from './chars.ts';
import { BlockCost } from './block-cost.ts';
import { frontmatterEnd } from './frontmatter.ts';
import { InlineCost } from './inline-cost.ts';
import { GUARD_LIMITS, type GuardLimits, type GuardMeasure } from './limits.ts';

/**
 * The scan. Lines end at LF, CR LF or a lone CR, as the parser reads them. Each line's
 * container prefix (indentation, `>` and list markers) is read, then the rest for inline
 * markers, except in fenced or indented code.
 */
export function measureSource(source: string, limits: GuardLimits = GUARD_LIMITS): GuardMeasure {
  const n = source.length;
  const m = emptyMeasure(Buffer.byteLength(source));
  const nul = source.indexOf('\0');
  if (nul !== -1 && nul < limits.binaryProbe) {
    const before = source.slice(0, nul);
    const breaks = before.match(/\r\n|\r|\n/g)?.length ?? 0;
    m.nulLine = breaks + 1;
    m.nulColumn = nul - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  }

  const inline = new InlineCost(source, m);
  const blocks = new BlockCost(source, limits, m, inline);
  let i = 0;
  // A frontmatter block is data, not Markdown: the parser reads no inline syntax in it.
  const afterFrontmatter = frontmatterEnd(source);
  if (afterFrontmatter > 0) {
    blocks.skipLines(source.slice(0, afterFrontmatter).match(/\r\n|\r|\n/g)?.length ?? 0);
    i = afterFrontmatter;
  }
  while (i < n || (i === n && blocks.line === 0)) {
    const start = i;
    LINE_BREAK.lastIndex = start;
    const end = LINE_BREAK.exec(source)?.index ?? n;
    i = end >= n ? n + 1 : source.charCodeAt(end) === CR && source.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    blocks.readLine(start, end, Math.min(i, n));
  }
  inline.close(n);
  blocks.endTable();
  m.lines = blocks.line;
  m.tokens = blocks.tokens();
  return m;
}

function emptyMeasure(bytes: number): GuardMeasure {
  return {
    bytes,
    lines: 0,
    depth: 0,
    depthLine: 0,
    depthQuotes: false,
    structureWork: 0,
    structureLine: 0,
    structureEvents: 0,
    inlineWork: 0,
    inlineLine: 0,
    inlineMaxWork: 0,
    inlineMarker: '',
    inlinePaired: false,
    tokens: 0,
    tableCells: 0,
    tableLine: 0,
    tableMaxCells: 0,
    tableCellsLine: 0,
    tokensLine: 0,
    nulLine: 0,
    nulColumn: 0,
  };
}
