// The guard's one pass over a file: per line, the container prefix, then block structure,
// tables and inline markers (except in code), summed into a GuardMeasure. One function: its
// line and paragraph state is shared by every step of a line.
import { TAB, LF, CR, SPACE, BANG, AMP, STAR, DASH, LT, EQUALS, QUESTION, OPEN_BRACKET, BACKSLASH, CLOSE_BRACKET, UNDERSCORE, BACKTICK, TILDE, LINE_BREAK } from './chars.ts';
import { CELL_TOKENS, closesFence, delimiterRowCells, headerCells, isAtxHeading, opensFence, rowCells, SETEXT_WEIGHT, tableRowText, type Fence } from './blocks.ts';
import { frontmatterEnd } from './frontmatter.ts';
import { ASCII_PUNCTUATION, classOf, Finder, INLINE_MARKER, INLINE_TOKENS, MARKER_NAMES, PAIR_WEIGHT, SCAN_WEIGHT, SPLICE_WEIGHT, WALK_WEIGHT, type Run } from './inline.ts';
import { GUARD_LIMITS, type GuardLimits, type GuardMeasure } from './limits.ts';
import { lazyText, readPrefix } from './prefix.ts';

/**
 * The scan. Lines end at LF, CR LF or a lone CR, as the parser reads them. Each line's
 * container prefix (indentation, `>` and list markers) is read, then the rest for inline
 * markers, except in fenced or indented code.
 */
export function measureSource(source: string, limits: GuardLimits = GUARD_LIMITS): GuardMeasure {
  const n = source.length;
  const bytes = Buffer.byteLength(source);
  const structureAllowed = limits.structureBase + limits.structurePerByte * bytes;
  const m: GuardMeasure = {
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

  const nul = source.indexOf('\0');
  if (nul !== -1 && nul < limits.binaryProbe) {
    const before = source.slice(0, nul);
    const breaks = before.match(/\r\n|\r|\n/g)?.length ?? 0;
    m.nulLine = breaks + 1;
    m.nulColumn = nul - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  }

  // Document state.
  let line = 0;
  let events = 0; // the parser's events so far, roughly
  let prevBlank = true;
  let prevParagraph = false; // the previous line was paragraph text
  let prevQuotes = 0;
  let prevLineSig = 0;
  let chainSig = -1; // the last marker line's signature while its containers are open
  let inContainer = false;
  let containerQuotes = 0;
  let contentColumn = 0; // lines with content indented less leave the innermost list item
  let fence: Fence | null = null;
  let indentedCode = false;
  /** The open table: the block quotes its rows sit in, its first line, its cells so far. */
  let table: { quotes: number; line: number; cells: number } | null = null;
  const endTable = (): void => {
    if (table === null) return;
    if (table.cells > m.tableMaxCells) {
      m.tableMaxCells = table.cells;
      m.tableLine = table.line;
    }
    table = null;
  };

  // Paragraph state for inline work.
  let tokens = 0;
  let blockStart = 0;
  let blockLine = 0;
  let blockWork = 0;
  let blockOpen = false;
  /** Tokens beyond INLINE_TOKENS a marker and one a line: a link's destination, a fence, a heading. */
  let extraTokens = 0;
  const stacks = new Map<number, Run[]>([[STAR, []], [UNDERSCORE, []], [TILDE, []]]);
  const workBy = new Map<string, number>();
  /** Per marker, the pairings and merges of the paragraph: how many, and the sum of their token counts. */
  const splices = new Map<string, { count: number; sum: number }>();
  const splicedBy = new Map<string, number>();
  const splice = (marker: string, at: number): void => {
    const known = splices.get(marker);
    if (known) {
      known.count++;
      known.sum += at;
    } else splices.set(marker, { count: 1, sum: at });
  };
  const ticks: number[] = []; // [offset, length] of each backtick run
  const angles: number[] = []; // [offset, where its scan stops] of each `<`
  const finders = { pipe: new Finder(source, '|'), comment: new Finder(source, '-->'), pi: new Finder(source, '?>'), cdata: new Finder(source, ']]>'), gt: new Finder(source, '>') };

  const addWork = (marker: string, work: number): void => {
    blockWork += work;
    workBy.set(marker, (workBy.get(marker) ?? 0) + work);
  };

  const closeBlock = (end: number): void => {
    if (!blockOpen) return;
    // A code-span run scans forward for a run of its own length, else to the paragraph's end.
    if (ticks.length > 0) {
      const next = new Map<number, number>();
      for (let k = ticks.length - 2; k >= 0; k -= 2) {
        const at = ticks[k]!;
        const length = ticks[k + 1]!;
        addWork('`', (next.get(length) ?? end) - at);
        next.set(length, at);
      }
      ticks.length = 0;
    }
    // A `<` scans forward for the end of its tag, comment or declaration, else to the paragraph's end.
    for (let k = 0; k < angles.length; k += 2) {
      const at = angles[k]!;
      const stop = angles[k + 1]!;
      addWork('<', SCAN_WEIGHT * ((stop === -1 || stop > end ? end : stop) - at));
    }
    angles.length = 0;
    for (const [marker, { count, sum }] of splices) {
      const work = SPLICE_WEIGHT * (count * tokens - sum);
      addWork(marker, work);
      splicedBy.set(marker, work);
    }
    splices.clear();
    m.inlineWork += blockWork;
    if (blockWork > m.inlineMaxWork) {
      m.inlineMaxWork = blockWork;
      m.inlineLine = blockLine;
      let best = '';
      let most = -1;
      for (const [marker, work] of workBy) {
        if (work > most) {
          most = work;
          best = marker;
        }
      }
      m.inlineMarker = MARKER_NAMES[best] ?? best;
      m.inlinePaired = (splicedBy.get(best) ?? 0) * 2 > most;
    }
    workBy.clear();
    splicedBy.clear();
    for (const stack of stacks.values()) stack.length = 0;
    blockWork = 0;
    blockOpen = false;
  };

  /** An emphasis or strikethrough run: paired with open runs as the parser pairs them, its walk counted. */
  const run = (marker: number, length: number, before: number, after: number): void => {
    tokens++;
    if (marker === TILDE && length > 2) {
      // Not a strikethrough sequence: plain text, merged with the text around it.
      splice('~', tokens - 1);
      return;
    }
    const b = classOf(before);
    const a = classOf(after);
    const left = a !== 0 && (a !== 1 || b !== 2);
    const right = b !== 0 && (b !== 1 || a !== 2);
    const canOpen = marker === UNDERSCORE ? left && (!right || b === 1) : left;
    const canClose = marker === UNDERSCORE ? right && (!left || a === 1) : right;
    const name = marker === STAR ? '*' : marker === UNDERSCORE ? '_' : '~';
    const stack = stacks.get(marker)!;
    let rest = length;
    if (canClose) {
      while (rest > 0) {
        const top = stack[stack.length - 1];
        if (!top || ((top.canClose || canOpen) && length % 3 !== 0 && (top.length + length) % 3 === 0)) {
          // Nothing to pair with (or an opener the rule of three skips): the parser walks back
          // to the paragraph's start.
          addWork(name, WALK_WEIGHT * (tokens - blockStart));
          break;
        }
        const used = Math.min(top.length, rest);
        // Each pairing takes one or two markers and resolves again what lies between.
        addWork(name, PAIR_WEIGHT * Math.ceil(used / 2) * (tokens - top.at + used));
        splice(name, top.at);
        top.length -= used;
        rest -= used;
        if (top.length === 0) stack.pop();
      }
    }
    if (canOpen && rest > 0) stack.push({ at: tokens, length: rest, canClose });
  };

  let i = 0;
  // A frontmatter block is data, not Markdown: the parser reads no inline syntax in it.
  const afterFrontmatter = frontmatterEnd(source);
  if (afterFrontmatter > 0) {
    line = source.slice(0, afterFrontmatter).match(/\r\n|\r|\n/g)?.length ?? 0;
    events += line;
    i = afterFrontmatter;
  }
  while (i < n || (i === n && line === 0)) {
    const start = i;
    LINE_BREAK.lastIndex = start;
    const end = LINE_BREAK.exec(source)?.index ?? n;
    i = end >= n ? n + 1 : source.charCodeAt(end) === CR && source.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    line++;
    const lineEnd = Math.min(i, n);

    // Fenced code: only its block quote markers are read; it ends at its closing fence or with
    // its container.
    if (fence !== null) {
      const prefix = readPrefix(source, start, end, fence.quotes);
      events += 1 + 3 * prefix.quotes;
      extraTokens += 1;
      const hasContent = prefix.content < end;
      const inside = prefix.quotes >= fence.quotes && !(hasContent && prefix.column < fence.minColumn);
      if (inside) {
        if (hasContent && prefix.lead <= 3 + fence.minColumn && closesFence(source, prefix.content, end, fence)) fence = null;
        prevBlank = false;
        prevParagraph = false;
        continue;
      }
      fence = null;
    }

    const prefix = readPrefix(source, start, end, -1);
    const { markers, quotes, lists, sig } = prefix;
    const hasContent = prefix.content < end;
    const blank = markers === 0 && !hasContent;
    events += 1 + 3 * markers;
    // A list item or block quote also costs the model its nodes: as much again.
    extraTokens += 3 * markers;

    // Nesting: each marker is a level, and a list nested by indentation takes two columns a level.
    if (markers > 0) {
      const depth = markers + Math.floor(prefix.firstIndent / 2);
      if (depth > limits.maxDepth && m.depthLine === 0) m.depthLine = line;
      if (depth > m.depth) {
        m.depth = depth;
        m.depthQuotes = quotes * 2 > markers;
      }
    }

    if (blank) {
      closeBlock(start);
      endTable();
      // A blank line ends block quotes (lists go on).
      if (inContainer && containerQuotes > 0) {
        structure(line, 1);
        inContainer = false;
        chainSig = -1;
      }
      prevBlank = true;
      prevParagraph = false;
      prevQuotes = 0;
      prevLineSig = 0;
      continue;
    }

    // A setext underline: `===` or `---` alone under paragraph text, in the same container.
    let underline = false;
    const inListItem = inContainer && containerQuotes === 0;
    if (prevParagraph && lists === 0 && quotes === prevQuotes && hasContent) {
      const indentOk = quotes > 0 ? prefix.lead <= 4 : inListItem ? prefix.column >= contentColumn && prefix.column <= contentColumn + 3 : prefix.column <= 3;
      const c = source.charCodeAt(prefix.content);
      if (indentOk && (c === EQUALS || c === DASH)) {
        let q = prefix.content;
        while (q < end && source.charCodeAt(q) === c) q++;
        while (q < end && (source.charCodeAt(q) === SPACE || source.charCodeAt(q) === TAB)) q++;
        underline = q === end;
      }
    } else if (prevParagraph && !inContainer && lists > 0 && markers === lists && !hasContent) {
      underline = true; // "text\n-": an underline (or an empty list item)
    }

    // Structure: a line where containers begin or end, or a lazy line that ends a block quote.
    let structural = 0; // how many times the line's events count
    if (markers > 0) {
      // A line goes on in the same containers only through block quote markers and at most a
      // last list marker (a sibling item); a list marker before other markers starts an item
      // whose nested containers are new, ending the previous line's.
      if (lists > 1 || (lists === 1 && !prefix.lastIsList)) structural = 2;
      else if (sig !== chainSig) structural = 1;
      inContainer = true;
      containerQuotes = quotes;
      chainSig = sig;
      contentColumn = lists > 0 ? prefix.markerEnd + (hasContent ? Math.min(Math.max(prefix.lead, 1), 4) : 1) : 0;
    } else if (inContainer && hasContent && !underline) {
      if (containerQuotes > 0) {
        structural = 1;
        inContainer = false;
        chainSig = -1;
      } else if (prefix.column < contentColumn && !(prevParagraph && lazyText(source.charCodeAt(prefix.content)))) {
        // (Plain text right under a paragraph continues it lazily: nothing ends.)
        structural = 1;
        chainSig = -1;
        if (prefix.column < 2) inContainer = false;
        else contentColumn = prefix.column;
      }
    }
    // A setext heading re-reads more of what came before it than a container's end does.
    if (underline) structure(line, SETEXT_WEIGHT);
    else if (structural > 0) structure(line, structural);

    // Indented code, at the top level after a blank line: no Markdown inside.
    if (indentedCode && (markers > 0 || prefix.column < 4)) indentedCode = false;
    if (!indentedCode && markers === 0 && !inContainer && prefix.column >= 4 && prevBlank) indentedCode = true;
    if (indentedCode) {
      closeBlock(start);
      endTable();
      extraTokens += 2;
      prevBlank = false;
      prevParagraph = false;
      prevQuotes = quotes;
      prevLineSig = sig;
      continue;
    }

    // A fence opens.
    const fenceLength = hasContent && prefix.lead <= 3 + (markers === 0 && inContainer ? contentColumn : 0) ? opensFence(source, prefix.content, end) : 0;
    if (fenceLength > 0) {
      closeBlock(start);
      endTable();
      extraTokens += 2;
      fence = {
        char: source.charCodeAt(prefix.content),
        length: fenceLength,
        quotes,
        minColumn: lists > 0 ? contentColumn : markers === 0 && inContainer && containerQuotes === 0 ? Math.min(contentColumn, prefix.column) : 0,
      };
      prevBlank = false;
      prevParagraph = false;
      prevQuotes = quotes;
      prevLineSig = sig;
      continue;
    }

    // Paragraph boundaries: a list item that may interrupt a paragraph, a deeper block quote,
    // an ATX heading (a paragraph of its own), a setext underline.
    const newItem = lists > 0 && hasContent && (!prefix.orderedNotOne || !prevParagraph || (prevLineSig === sig && sig !== 0));
    const deeperQuote = quotes > prevQuotes;
    const heading = hasContent && isAtxHeading(source, prefix.content, end);
    if (newItem || deeperQuote || heading || underline) closeBlock(start);
    if (heading || underline) extraTokens += 2;

    // Tables: the parser reads each cell's text on its own, so a row is a paragraph of its own
    // here (at most: its cells are smaller), and each cell costs its tokens. A line is taken
    // for a row only where the parser surely goes on with the table: the same block quotes,
    // no list marker, and text that cannot start a block of its own; anything else ends the
    // table here, and is read as paragraph text (which counts more work, never less).
    if (table !== null && !(hasContent && lists === 0 && quotes === table.quotes && prefix.lead <= 3 && !heading && !underline && tableRowText(source.charCodeAt(prefix.content)))) {
      closeBlock(start);
      endTable();
    }
    if (table === null && hasContent && finders.pipe.next(prefix.content) < end && finders.pipe.next(prefix.content) !== -1 && lists === 0 && prefix.lead <= 3 && !heading && !underline && !(inContainer && containerQuotes === 0) && (!prevParagraph || quotes >= prevQuotes)) {
      const cells = headerCells(source, prefix.content, end);
      if (cells > 0 && delimiterRowCells(source, lineEnd, quotes) === cells) {
        closeBlock(start);
        table = { quotes, line, cells: 0 };
      }
    }
    if (table !== null) {
      closeBlock(start);
      const cells = rowCells(source, prefix.content, end);
      table.cells += cells;
      m.tableCells += cells;
      if (m.tableCells > limits.maxTableCells && m.tableCellsLine === 0) m.tableCellsLine = line;
    }

    if (hasContent && !underline) {
      if (!blockOpen) {
        blockOpen = true;
        blockStart = tokens;
        blockLine = line;
      }
      let q = prefix.content;
      while (q < end) {
        // Only markers count: jump to the next one (or to the line's end).
        INLINE_MARKER.lastIndex = q;
        q = INLINE_MARKER.exec(source)?.index ?? n;
        if (q >= end) break;
        const c = source.charCodeAt(q);
        // What precedes a run decides whether it opens or closes; a line's start reads as whitespace.
        const before = q > prefix.content ? source.charCodeAt(q - 1) : -1;
        switch (c) {
          case STAR:
          case UNDERSCORE:
          case TILDE: {
            let r = q + 1;
            while (r < end && source.charCodeAt(r) === c) r++;
            run(c, r - q, before, r < end ? source.charCodeAt(r) : -1);
            q = r;
            continue;
          }
          case BACKTICK: {
            let r = q + 1;
            while (r < end && source.charCodeAt(r) === BACKTICK) r++;
            splice('`', tokens);
            tokens++;
            ticks.push(q, r - q);
            q = r;
            continue;
          }
          case LT: {
            splice('<', tokens);
            tokens++;
            const d = q + 1 < end ? source.charCodeAt(q + 1) : -1;
            let stop = q;
            if (d === BANG && source.startsWith('--', q + 2)) stop = finders.comment.next(q + 4);
            else if (d === QUESTION) stop = finders.pi.next(q + 2);
            else if (d === BANG && source.startsWith('[CDATA[', q + 2)) stop = finders.cdata.next(q + 9);
            else if (d === BANG || d === 47 || (d >= 65 && d <= 90) || (d >= 97 && d <= 122)) stop = finders.gt.next(q + 1);
            if (stop !== q) angles.push(q, stop);
            break;
          }
          case OPEN_BRACKET:
            tokens++;
            break;
          case CLOSE_BRACKET:
          case BANG:
          case AMP:
            splice(source[q]!, tokens);
            tokens++;
            // A link's resource, or a character reference's parts.
            extraTokens += c === CLOSE_BRACKET ? 4 : c === AMP ? 2 : 0;
            break;
          case BACKSLASH:
            if (q + 1 < end && !(source.charCodeAt(q + 1) < 128 && ASCII_PUNCTUATION[source.charCodeAt(q + 1)])) splice('\\', tokens);
            tokens++;
            if (q + 1 < end) {
              q += 2;
              continue;
            }
            break;
        }
        q++;
      }
      tokens++; // the line ending
    }

    prevBlank = false;
    prevParagraph = hasContent && !heading && !underline && table === null;
    prevQuotes = quotes;
    prevLineSig = sig;
    if (heading || underline || table !== null) closeBlock(lineEnd);
    if (m.tokensLine === 0 && tokensSoFar() > limits.maxTokens) m.tokensLine = line;
  }
  closeBlock(n);
  endTable();
  m.lines = line;
  m.tokens = tokensSoFar();
  return m;

  function tokensSoFar(): number {
    return events + INLINE_TOKENS * tokens + CELL_TOKENS * m.tableCells + extraTokens;
  }

  function structure(at: number, weight: number): void {
    m.structureEvents++;
    m.structureWork += events * weight;
    if (m.structureLine === 0 && m.structureWork > structureAllowed) m.structureLine = at;
  }
}
