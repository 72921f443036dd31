// The frontmatter most postmortems have, read without the YAML parser: `key: value` lines,
// each value a plain word or phrase, a whole number, true or false, a quoted string without
// escapes, a flow list of plain words ("authors: [ana, li]"), a block list ("tags:" and then
// "  - security" lines) of strings or of mappings ("  - title: Fix retries" and "    owner:
// ana"), or a mapping nested under its key ("metrics:" and then "  detection_minutes: 23").
// That is what `hindsight new` writes, what every sample holds and what most status-page,
// blog and generated frontmatter is. For a one-file lint (the pre-commit hook) the `yaml`
// package's first parse costs more than the rest of the model, and in a folder's lint a
// nested block cost about 0.8 ms each; this answers those blocks with exactly the value
// `yaml` gives them, and leaves everything else to it (undefined).
//
// Why the value is certain (yaml 2, YAML 1.2 core schema, as src/core/frontmatter.ts reads):
// - Every line is blank, a comment line ("# services: [api]", as `hindsight new` writes), a
//   `key:` line or a block list's item ("- "). A mapping's keys stand at one indentation
//   (the top one at column 0), each with its value on the same line or, with nothing after
//   the colon, followed by a block list (at that indentation or deeper) or a mapping (deeper)
//   or nothing (null). A list's items stand at one indentation; an item is a string, or
//   "key: value" that opens a mapping at the column of that key. Any other indentation, a
//   continuation line, block scalar, anchor, tag or document marker is left to `yaml`.
//   Keys are names that resolve to text (not null, true, a number); no key repeats in its
//   mapping.
// - A plain value starts with no indicator character, holds no ": " (a nested mapping), no
//   "#", and does not end with ":" (brackets and braces inside it are text in a block, as
//   "Kris ([@kris](https://…))"). Its type is decided by the core schema's own tests (null,
//   bool, int, float): true and false (in its three spellings) are booleans, a whole number
//   of up to 15 digits without sign or leading zero is that number (what the int tag's
//   parseInt gives), a value any other test matches is left to `yaml`; the rest are
//   strings, trailing blanks dropped.
// - A quoted value is "…" without backslash or inner quote, or '…' without inner quote.
// - A flow list is [a, b] of plain items without ":", quotes, brackets or braces, each a string.
// - Only printable characters (no tab, control, BOM or line separator); CR LF is LF.
// test/core/simple-yaml.test.ts checks it against `yaml` on the samples, the corpus and
// generated variants of each shape and of each way out of it.

const COMMENT_OR_BLANK = /^ *(?:#|$)/;
const LINE = /^([A-Za-z_][A-Za-z0-9_.-]{0,99}):(?: +(.*?))? *$/;
const PRINTABLE = /^[\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$/;
/** What may not start a plain scalar (YAML's indicator characters) or appear in one here. */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const PLAIN_FORBIDDEN = /: |#|:$/;
const FLOW_ITEM_FORBIDDEN = /[:#[\]{}'"]/;
/** yaml's core schema tests (null, bool, octal, int, hex, NaN/inf, exponent, float): such values are not strings. */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

const isString = (plain: string): boolean => !NOT_A_STRING.some((test) => test.test(plain));
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
/** A whole number the int tag reads with parseInt exactly as Number does (safe integers, no sign, no leading zero). */
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;
/** An item of a block list: "- security", its content after the dash and blanks. */
const ITEM = /^-(?: +(.*?))? *$/;

/** A line that is not blank nor a comment: its indentation and the text after it. */
interface Line {
  indent: number;
  text: string;
}

/** The mapping `yaml` reads from `text`, when `text` is a block of simple values; else undefined. */
export function readSimpleMapping(text: string, maxValue: number): Record<string, unknown> | undefined {
  const source = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  if (!PRINTABLE.test(source)) return undefined;
  const lines: Line[] = [];
  for (const line of source.split('\n')) {
    if (COMMENT_OR_BLANK.test(line)) continue;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    lines.push({ indent, text: indent === 0 ? line : line.slice(indent) });
  }
  if (lines.length === 0) return {};
  if (lines[0]!.indent !== 0) return undefined;
  const read = new Reader(lines, maxValue);
  const data = read.mapping(0);
  return data !== undefined && read.at === lines.length ? data : undefined;
}

class Reader {
  at = 0;
  private readonly lines: Line[];
  private readonly maxValue: number;
  constructor(lines: Line[], maxValue: number) {
    this.lines = lines;
    this.maxValue = maxValue;
  }

  /** The block mapping whose keys stand at `indent`, from the current line on. */
  mapping(indent: number): Record<string, unknown> | undefined {
    const data: Record<string, unknown> = {};
    const lines = this.lines;
    while (this.at < lines.length) {
      const line = lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) return undefined;
      const m = LINE.exec(line.text);
      if (m === null) return undefined;
      const key = m[1]!;
      if (Object.hasOwn(data, key) || key === '__proto__' || !isString(key)) return undefined;
      this.at++;
      const written = m[2];
      let value: unknown;
      if (written !== undefined && written !== '') value = readValue(written, this.maxValue);
      else {
        // Nothing after the colon: a block list, a deeper mapping, or null.
        const next = lines[this.at];
        if (next !== undefined && next.indent >= indent && next.text[0] === '-' && ITEM.test(next.text)) value = this.list(next.indent);
        else if (next !== undefined && next.indent > indent) value = this.mapping(next.indent);
        else value = null;
      }
      if (value === undefined) return undefined;
      data[key] = value;
    }
    return data;
  }

  /** The block list whose items stand at `indent`, from the current line on. */
  private list(indent: number): unknown[] | undefined {
    const items: unknown[] = [];
    const lines = this.lines;
    while (this.at < lines.length) {
      const line = lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) return undefined;
      const m = line.text[0] === '-' ? ITEM.exec(line.text) : null;
      if (m === null) break;
      const content = m[1];
      if (content === undefined || content === '') return undefined;
      if (LINE.test(content)) {
        // "- title: Fix retries": a mapping whose keys stand at the column of this one.
        const column = indent + line.text.indexOf(content);
        lines[this.at] = { indent: column, text: content };
        const value = this.mapping(column);
        if (value === undefined) return undefined;
        items.push(value);
        continue;
      }
      const value = readItem(content, this.maxValue);
      if (value === undefined) return undefined;
      items.push(value);
      this.at++;
    }
    return items;
  }
}

/** An item of a block list: a plain or simply quoted string, as readValue reads one. */
function readItem(text: string, maxValue: number): string | undefined {
  if (text === '' || text[0] === '[') return undefined;
  const value = readValue(text, maxValue);
  return typeof value === 'string' ? value : undefined;
}

function readValue(text: string, maxValue: number): unknown {
  if (text === '') return null;
  if (text.length > maxValue) return undefined;
  const first = text[0];
  if (first === '"') return /^"[^"\\]*"$/.test(text) ? text.slice(1, -1) : undefined;
  if (first === "'") return /^'[^']*'$/.test(text) ? text.slice(1, -1) : undefined;
  if (first === '[') return readFlowList(text);
  if (PLAIN_START.test(text) || PLAIN_FORBIDDEN.test(text)) return undefined;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (WHOLE_NUMBER.test(text)) return Number(text);
  return isString(text) ? text : undefined;
}

function readFlowList(text: string): string[] | undefined {
  if (!text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return [];
  const items: string[] = [];
  for (const piece of inner.split(',')) {
    const item = piece.trim();
    if (item === '' || PLAIN_START.test(item) || FLOW_ITEM_FORBIDDEN.test(item) || !isString(item)) return undefined;
    items.push(item);
  }
  return items;
}
