// The YAML frontmatter block, read with the `yaml` package: its errors carry positions,
// duplicate keys are errors, and alias expansion is bounded (a "billion laughs" block
// becomes an error, not an out-of-memory).
import type { Root } from 'mdast';
import type { Node } from 'yaml';
import type { FrontmatterInfo } from './model.ts';
import { readSimpleMapping } from './simple-yaml.ts';
import { loadToml } from './toml.ts';
import { loadYaml } from './yaml.ts';

const MAX_ALIAS_COUNT = 100;
/**
 * Frontmatter holds a few short keys. A block past this size is not parsed at all (time and
 * memory stay bounded: a 70,000-line block takes the YAML parser 2 s and 130 MB), and a
 * value past MAX_VALUE characters is reported: long text belongs in the body.
 */
export const MAX_FRONTMATTER = 64 * 1024;
export const MAX_VALUE = 10_000;

export function readFrontmatter(tree: Root): FrontmatterInfo {
  const node = tree.children[0];
  // mdast's types know only YAML frontmatter; mdast-util-frontmatter gives TOML the same shape.
  const toml = (node as { type?: string } | undefined)?.type === 'toml';
  if (!node || (node.type !== 'yaml' && !toml) || !node.position || !('value' in node)) {
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
  if (raw.length > MAX_FRONTMATTER) {
    const message = `The frontmatter is ${Math.round(raw.length / 1024).toLocaleString('en-US')} KB long, past the ${MAX_FRONTMATTER / 1024} KB Hindsight reads: frontmatter holds a few short keys; move long text into the body of the postmortem`;
    return { data: null, raw, span, errors: [{ message, line: firstLine, column: 1, kind: 'limit' }] };
  }
  if (toml) return { ...readToml(raw, firstLine), raw, span };
  // "key: value" lines only (most frontmatter): the same data, without the YAML parser's cost.
  const simple = readSimpleMapping(raw, MAX_VALUE);
  if (simple !== undefined) return { data: simple, raw, span, errors: [] };
  return { ...readYaml(raw, firstLine), raw, span };
}

/** The YAML parser's reading of a frontmatter block whose text begins on `firstLine`: its data, or its errors. */
export function readYaml(raw: string, firstLine: number): Pick<FrontmatterInfo, 'data' | 'errors'> {
  const { isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, visit } = loadYaml();
  const errors: FrontmatterInfo['errors'] = [];
  let data: Record<string, unknown> | null = null;
  // Error positions come from the line counter: `error.linePos` is only set with prettyErrors.
  const lineCounter = new LineCounter();
  // The parser ends lines at a lone CR too; the yaml package does not: read it as LF (the same
  // length, so offsets and columns stay).
  const text = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, lineCounter });
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  const seen = new Set<string>();
  for (const error of doc.errors) {
    const message = /call stack/i.test(error.message) ? 'It nests lists or mappings too deeply to read' : firstSentence(error.message);
    const where = at(error.pos[0]);
    // One error reported once (a stack overflow is reported at each level it unwinds).
    const key = `${message}\0${where.line}`;
    if (seen.has(key) || (/too deeply/.test(message) && seen.has(message))) continue;
    seen.add(key);
    seen.add(message);
    errors.push({ message, ...where });
  }
  // Keys must be strings: a number, true, null or a list as a key is read differently by
  // every tool (and a list or mapping becomes "[object Object]"-like text in JavaScript).
  if (errors.length === 0) {
    visit(doc, {
      Pair(_, pair) {
        if (!isPair(pair)) return;
        const key = pair.key as Node | null;
        if (isScalar(key) && typeof key.value === 'string') return;
        const range = key?.range ?? null;
        const where = range ? at(range[0]) : { line: firstLine, column: 1 };
        let message: string;
        if (key === null || (isScalar(key) && key.value === null)) message = 'Frontmatter key with no name (or null): give it a name';
        else if (isCollection(key))
          message = `Frontmatter key ${isMap(key) ? 'that is a mapping' : 'that is a list'} ("? […]" or "? {…}"): a key must be text; write it as a plain name`;
        else {
          const value = (key as { value?: unknown }).value;
          const type = typeof value === 'number' || typeof value === 'bigint' ? 'a number' : typeof value === 'boolean' ? 'true or false' : 'not text';
          message = `Frontmatter key ${String(value)} is ${type}, not text: quote it ("${String(value)}": …) so that every tool reads it alike`;
        }
        errors.push({ message, ...where, kind: 'key' });
      },
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
  if (errors.length === 0) {
    // Values too long for frontmatter (the data stays: other rules may read it).
    visit(doc, {
      Scalar(_, scalar) {
        if (typeof scalar.value !== 'string' || scalar.value.length <= MAX_VALUE || !scalar.range) return;
        errors.push({
          message: `This frontmatter value is ${scalar.value.length.toLocaleString('en-US')} characters long, past the ${MAX_VALUE.toLocaleString('en-US')} Hindsight reads: frontmatter holds short values; move long text into the body of the postmortem`,
          ...at(scalar.range[0]),
          kind: 'limit',
        });
      },
    });
  }
  return { data, errors };
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * A TOML frontmatter block (Hugo, Zola: `+++` fences). Dates become the text they were
 * written as ("2019-05-10T08:17:31.000Z"), as YAML's are read.
 */
export function readToml(raw: string, firstLine: number): Pick<FrontmatterInfo, 'data' | 'errors'> {
  const { parse, TomlError } = loadToml();
  try {
    const data = plainValues(parse(raw)) as Record<string, unknown>;
    return { data, errors: [] };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = firstSentence(error.message.split('\n')[0] ?? 'Invalid TOML');
    return { data: null, errors: [{ message, line: firstLine + Math.max(0, error.line - 1), column: Math.max(1, error.column) }] };
  }
}

function plainValues(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValues);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValues(v)]));
  return value;
}
