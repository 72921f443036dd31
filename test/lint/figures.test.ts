// Three figure patterns end in a word list (the nouns, the durations) written as a lookahead and
// its backreference, which V8 compiles in a fraction of the time (`endingIn`,
// src/lint/kit/figures.ts). Here each is held to its plain form, `${list}\b`, on real prose and
// on generated near misses: same matches, same places.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNT, DURATION, NOUN, PATTERNS } from '../../src/lint/kit/figures.ts';
import { prng } from '../../bench/generate.ts';

const root = path.join(import.meta.dirname, '..', '..');
const LISTS = [NOUN, DURATION];
const lookahead = (list: string): RegExp => new RegExp(String.raw`\(\?=\(${escape(list)}\\b\)\)\\[12]`);

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** The pattern as it was written before: the noun list matched directly. */
function plain(pattern: RegExp): RegExp {
  let source = pattern.source;
  for (const list of LISTS) source = source.replace(lookahead(list), `(?:${list}\\b)`);
  return new RegExp(source, pattern.flags);
}

const rewritten = PATTERNS.concat(COUNT).filter((p) => LISTS.some((list) => lookahead(list).test(p.source)));

/** Every match with its place; COUNT's number too (its first group, which figureIn reads). */
function matches(pattern: RegExp, text: string): string[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const number = pattern === COUNT || pattern.source === plain(COUNT).source;
  return [...text.matchAll(global)].map((m) => `${m.index}:${m[0]}${number ? `:${m[1]}` : ''}`);
}

function texts(): string[] {
  const folders = [path.join(root, 'postmortems'), path.join(root, '..', 'shared', 'corpus', 'public'), path.join(root, '..', 'shared', 'corpus', 'varied')];
  const out: string[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) if (name.endsWith('.md')) out.push(readFileSync(path.join(folder, name), 'utf8'));
  }
  return out;
}

const WORDS = [
  'all',
  'All',
  'every',
  'each',
  'no',
  'none of',
  'None of',
  'of',
  'the',
  'our',
  'their',
  'its',
  'active',
  'paying',
  '1,200',
  '3',
  '4k',
  'twenty',
  'thousands',
  '500',
  '2023',
  '1.5',
  'users',
  'Users',
  'user',
  'customers',
  'page views',
  'pageviews',
  'pages',
  'req/s',
  'errors',
  'data centres',
  'sign-ups',
  'repos',
  'repositories',
  'request',
  'requestor',
  'nodes.',
  '2',
  'hours',
  'h',
  '45-minute',
  '90 min',
  'ms',
  'mins',
  'days',
  'd',
  'months',
  'x',
  '-',
  '+',
  ':',
  '  ',
  '\n',
];

function generated(count: number): string[] {
  const random = prng(19);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 2 + Math.floor(random() * 8);
    const parts: string[] = [];
    for (let w = 0; w < length; w++) parts.push(WORDS[Math.floor(random() * WORDS.length)]!);
    out.push(parts.join(random() < 0.8 ? ' ' : '  '));
  }
  return out;
}

describe('figure patterns ending in a word list', () => {
  it('are the three patterns that end in one (the rewrite is found, so the comparison means something)', () => {
    expect(rewritten).toHaveLength(3);
    for (const pattern of rewritten) expect(plain(pattern).source).not.toBe(pattern.source);
  });

  it('match what their plain form matches, where it matches, in every postmortem here and in the shared corpora', () => {
    let compared = 0;
    for (const text of texts()) {
      for (const pattern of rewritten) {
        expect(matches(pattern, text)).toEqual(matches(plain(pattern), text));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('match what their plain form matches on generated near misses', () => {
    let found = 0;
    for (const text of generated(20000)) {
      for (const pattern of rewritten) {
        const got = matches(pattern, text);
        expect(got).toEqual(matches(plain(pattern), text));
        found += got.length;
      }
    }
    // Both kinds of text occur: matches and misses.
    expect(found).toBeGreaterThan(1000);
  });
});
