// The frontmatter most postmortems have, read without the YAML parser: one `key: value` per
// line, each value a plain word or phrase, true or false, a quoted string without escapes, a
// flow list of plain words ("authors: [ana, li]") or a block list of them ("tags:" and then
// "  - security" lines). That is what `hindsight new` writes, what every sample holds and
// what most status-page and blog frontmatter is. For a one-file lint (the pre-commit hook)
// the `yaml` package's first parse costs more than the rest of the model; this answers those
// blocks with exactly the value `yaml` gives them, and leaves everything else to it
// (undefined).
//
// Why the value is certain (yaml 2, YAML 1.2 core schema, as src/core/frontmatter.ts reads):
// - Every line is blank, a comment line ("# services: [api]", as `hindsight new` writes), or
//   `key:` at column 0 followed by blanks and a value on the same line: no indentation,
//   continuation, block scalar, anchor, tag or document marker. A key with no value may be
//   followed by the items of a block list, "- " and a plain or quoted string, all at one
//   indentation (column 0 too); any other indented line is left to `yaml`.
//   Keys are names that resolve to text (not null, true, a number); no key repeats.
// - A plain value starts with no indicator character, holds no ": " (a nested mapping), no
//   "#", no bracket or brace, and does not end with ":". Its type is decided by the core
//   schema's own tests (null, bool, int, float): true and false (in its three spellings)
//   are booleans, a value any other test matches is left to `yaml`; the rest are strings,
//   trailing blanks dropped.
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
const PLAIN_FORBIDDEN = /: |#|[[\]{}]|:$/;
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
/** An item of a block list: "  - security". */
const ITEM = /^( *)- +(.*?) *$/;

/** The mapping `yaml` reads from `text`, when `text` is a flat block of simple values; else undefined. */
export function readSimpleMapping(text: string, maxValue: number): Record<string, unknown> | undefined {
  const source = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  if (!PRINTABLE.test(source)) return undefined;
  const data: Record<string, unknown> = {};
  // The key written with no value on its line: a block list of scalars may follow it.
  let open: { key: string; items: string[] | null; indent: number } | null = null;
  for (const line of source.split('\n')) {
    if (COMMENT_OR_BLANK.test(line)) continue;
    const m = LINE.exec(line);
    if (m === null) {
      const item = open === null ? null : ITEM.exec(line);
      if (open === null || item === null) return undefined;
      const indent = item[1]!.length;
      if (open.items !== null && indent !== open.indent) return undefined;
      const value = readItem(item[2]!, maxValue);
      if (value === undefined) return undefined;
      if (open.items === null) data[open.key] = open.items = [];
      open.items.push(value);
      open.indent = indent;
      continue;
    }
    const key = m[1]!;
    if (Object.hasOwn(data, key) || key === '__proto__' || !isString(key)) return undefined;
    const value = readValue(m[2] ?? '', maxValue);
    if (value === undefined) return undefined;
    data[key] = value;
    open = m[2] === undefined || m[2] === '' ? { key, items: null, indent: 0 } : null;
  }
  return data;
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
