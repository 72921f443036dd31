// The frontmatter fast path (src/core/simple-yaml.ts) against the YAML parser: whenever it
// answers, its mapping must be exactly what `yaml` reads (with no error), on the samples, the
// corpus and generated variants of every shape it reads and of every way out of it; and it
// must answer for the samples and for what `hindsight new` writes, or it saves nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_VALUE, readYaml } from '../../src/core/frontmatter.ts';
import { readSimpleMapping } from '../../src/core/simple-yaml.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dirs = [`${root}postmortems`, `${root}templates`, `${root}../shared/corpus/public`, `${root}../shared/corpus/varied`].filter(existsSync);
/** What `hindsight new` writes from the default template (the fields it fills in, filled). */
const NEW_FRONTMATTER = readFileSync(`${root}templates/default.md`, 'utf8')
  .split('---')[1]!
  .replace('{{id}}', '2026-11-21-queue-backlog')
  .replace('{{title}}', 'Queue backlog')
  .replaceAll('{{date}}', '2026-11-21')
  .replace('{{severity}}', '')
  .replace('{{authors}}', '[Ana Silva]')
  .replace('{{timezone}}', 'UTC');

function frontmatterOf(source: string): string | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  return m ? m[1]! : null;
}

/** Compares the fast path with the parser on `text`; true when the fast path answered. */
function check(text: string): boolean {
  const fast = readSimpleMapping(text, MAX_VALUE);
  if (fast === undefined) return false;
  expect({ text, reading: { data: fast, errors: [] } }).toEqual({ text, reading: readYaml(text, 2) });
  // Same key order as the parser's object.
  expect(Object.keys(fast)).toEqual(Object.keys(readYaml(text, 2).data ?? {}));
  return true;
}

describe('readSimpleMapping reads what yaml reads', () => {
  it('on the frontmatter of every sample, template and corpus file, answering for every sample', () => {
    let samples = 0;
    let answered = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
        const block = frontmatterOf(readFileSync(`${dir}/${name}`, 'utf8'));
        if (block === null) continue;
        const fast = check(block);
        if (dir.endsWith('postmortems')) {
          samples++;
          expect(fast, name).toBe(true);
        }
        if (fast) answered++;
      }
    }
    expect(samples).toBeGreaterThanOrEqual(10);
    expect(check(NEW_FRONTMATTER.trim()), 'the frontmatter `hindsight new` writes').toBe(true);
    expect(answered).toBeGreaterThanOrEqual(samples);
  });

  it('on generated values, keys and lines: each shape it reads and each way out of it', () => {
    const values = [
      '',
      'SEV2',
      'published',
      'Checkout errors from the pool',
      '"Quoted: with colon"',
      "'single # quoted'",
      '"with \\" escape"',
      "'it''s'",
      '"unterminated',
      "'unterminated",
      '2024-05-21',
      '2024-05-21T11:48:00Z',
      '2024-11-19T11:40:00-08:00',
      '10:30',
      '12',
      '-12',
      '+3',
      '0o17',
      '0x1F',
      '0x1g',
      '1.5',
      '.5',
      '1.',
      '1e3',
      '1E-3',
      '.inf',
      '-.Inf',
      '.nan',
      '.NaN',
      '~',
      'null',
      'Null',
      'NULL',
      'nULL',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'yes',
      'no',
      'on',
      'off',
      'y',
      'n',
      '1_000',
      '1,000',
      '0b101',
      '007',
      '+.5',
      'a: b',
      'a:b',
      'http://x.io/a',
      'ends with:',
      'has # hash',
      'has#hash',
      'x [1]',
      'x {y}',
      '- item',
      '-x',
      '? q',
      ': c',
      ', c',
      '! tag',
      '!tag',
      '&anchor v',
      '*alias',
      '|',
      '>',
      '%x',
      '@x',
      '`x',
      'a, b',
      "it's",
      'say "hi"',
      'back\\slash',
      'tab\there',
      'trailing   ',
      'two  spaces',
      'Zoë Ærø',
      'emoji 🔥',
      'nbsp\u00a0x',
      'nel\u0085x',
      'ls\u2028x',
      'bom\ufeffx',
      'ctrl\u0001x',
      '[]',
      '[ ]',
      '[a, b]',
      '[a,b]',
      '[ a , b ]',
      '[a, b,]',
      '[a,, b]',
      '[a, 1]',
      '[a, true]',
      '[a, null]',
      '[a, ~]',
      '["a", b]',
      "['a', b]",
      '[a: b]',
      '[a:b]',
      '[a, [b]]',
      '[a, {b}]',
      '[a #x]',
      '[a b, c d]',
      '[-a]',
      '[a',
      'a]',
      '[2024-05-21, 2024-05-22]',
      '[lucas.vermeer, jonas.keller]',
      '{a: b}',
      '{}',
      '"" ',
      "''",
      '""',
      'x'.repeat(MAX_VALUE + 1),
    ];
    const keys = [
      'title',
      'incident_start',
      'a.b',
      'a-b',
      '_x',
      'X1',
      'true',
      'True',
      'null',
      'Null',
      '~',
      '12',
      '1.5',
      'yes',
      'on',
      '__proto__',
      'constructor',
      'toString',
      '"quoted"',
      "'q'",
      'has space',
      'k'.repeat(101),
      'ké',
    ];
    let answered = 0;
    let total = 0;
    for (const value of values) {
      for (const key of ['title', 'authors']) {
        total++;
        if (check(`id: X-1\n${key}: ${value}\nseverity: SEV2`)) answered++;
        check(`${key}:${value === '' ? '' : ' '}${value}`);
      }
    }
    for (const key of keys) {
      total++;
      if (check(`${key}: v\nother: w`)) answered++;
    }
    const shapes = [
      'a: 1',
      'a: x\na: y',
      'a: x\n  b: y',
      'a: x\n  continued',
      'a: x\n\n\nb: y',
      'a: x\n   \nb: y',
      'a: x\r\nb: y\r\n',
      'a: x\rb: y',
      ' a: x',
      'a:  x',
      'a :x',
      'a : x',
      'a:\tx',
      'a: x\t',
      'a: x # comment',
      '# comment\na: x',
      '---\na: x',
      'a: x\n...',
      '%YAML 1.2\n---\na: x',
      'a:\n  - x\n  - y',
      'a: |\n  text',
      'a: >\n  text',
      '- a\n- b',
      'a',
      '',
      '\n',
      '   ',
      'a: x\nb:',
      'a: &x v\nb: *x',
      '? a\n: b',
      'a: "x"\nb: \'y\'\nc: [p, q]',
      '\ufeffa: x',
      'a: x\u2029b: y',
      '# c\na: x',
      'a:\n  # c\nb: y',
      'a: x\n#c',
      'a: x\n# c: [d]\nb: y',
      'a:\n  # c\n  - x',
      '#',
      '#\n#',
      'a: x\n\t# c',
      'tags:\n  - security\n  - transparency',
      'tags:\n- security\n- transparency\nb: y',
      'tags:\n  - security\n - transparency',
      'tags:\n  - security\n    - transparency',
      'tags:\n  - security\n    continued',
      'tags:\n  - security\n  b: y',
      'tags:\n  - security\n\n  - transparency',
      'tags:\n  - security\n  # c\n  - transparency',
      'tags:\n  - security\n# c\n  - transparency',
      'tags:\n\n  - security',
      'tags:\n  -  security  ',
      'tags:\n  -security',
      'tags:\n  -',
      'tags:\n  - ',
      'tags: x\n  - y',
      'tags: null\n  - y',
      'tags: ~\n  - y',
      'tags: []\n  - y',
      'a: x\n  - y',
      '  - y',
      'tags:\n  - a\ntags:\n  - b',
      'tags:\n  - a\nb: c\n  - d',
      'resolved: true\nsection: issue\naffected:\n  - API\n  - Kubernetes',
      'a: True\nb: FALSE\nc: tRUE\nd: yes',
      // Nested mappings and lists of mappings, as generated and blog frontmatter writes them.
      'metrics:\n  detection_minutes: 23\n  customers_affected: 539\nb: y',
      'metrics:\n  a: 1\n   b: 2',
      'metrics:\n  a: 1\n b: 2',
      'metrics:\n  a: 1\n  a: 2',
      'metrics:\n  a:\n    b: deep\n  c: x',
      'metrics:\n  a:\n  - x\n  - y\n  c: x',
      'metrics:\n  a: 1\n  - x',
      'metrics:\n  __proto__: x',
      'metrics:\n  true: x',
      'action_items:\n  - title: Update runbook\n    owner: dara\n    due: 2023-05-16\n  - title: Fix retry budget\n    owner: dara',
      'action_items:\n- title: a\n  owner: b\n- title: c',
      'action_items:\n  - title: a\n   owner: b',
      'action_items:\n  - title: a\n     owner: b',
      'action_items:\n  -   title: a\n      owner: b',
      'action_items:\n  - title: a\n    title: b',
      'action_items:\n  - title:\n    - x\n  - y',
      'action_items:\n  - title:\n      deep: x',
      'action_items:\n  - a: b\n  - c',
      'action_items:\n  - a: b\n    - c',
      'action_items:\n  - a: b: c',
      'action_items:\n  - a:b',
      'resources:\n- src: "**.{png,jpg}"\n  title: "Image #:counter"\n  params:\n    byline: "Photo: Kris"',
      'author: Kris ([@kris](https://example.org/@kris))\ndate: 2022-12-13',
      'author: a ]b[ {c} d}',
      'a:\n  b:\nc: d',
      'a:\n\n  b: x\n\n  # note\n  c: y\nd: z',
      'n: 0\nm: 007\no: 123456789012345\np: 1234567890123456\nq: -1\nr: +1',
    ];
    const items = [
      'security',
      'Workers',
      'builds.sr.ht',
      '"quoted: x"',
      "'q'",
      '12',
      'true',
      'null',
      '~',
      '',
      '- nested',
      'a: b',
      'a:b',
      'a #c',
      '[a, b]',
      '{a: b}',
      '? q',
      '&x v',
      '*x',
      '|',
      "it's",
      'x'.repeat(MAX_VALUE + 1),
    ];
    for (const item of items) {
      for (const indent of ['', '  ', '    ']) {
        total++;
        if (check(`title: T\ntags:\n${indent}- ${item}\n${indent}- other\nseverity: SEV2`)) answered++;
      }
    }
    for (const shape of shapes) {
      total++;
      if (check(shape)) answered++;
    }
    // Most of these are ways out that must go to the parser; the rest must be answered.
    expect(answered).toBeGreaterThan(80);
    expect(answered).toBeLessThan(total);
  });

  it('answers nested mappings, lists of mappings, whole numbers and brackets in text', () => {
    const answered = [
      'metrics:\n  detection_minutes: 23\n  customers_affected: 539\nb: y',
      'action_items:\n  - title: Update runbook\n    owner: dara\n    due: 2023-05-16\n  - title: Fix retry budget\n    owner: dara',
      'action_items:\n- title: a\n  owner: b\n- title: c',
      'a:\n  - b:\n      c: 1\n    d:\n    - e',
      'author: Kris ([@kris](https://example.org/@kris))\ndate: 2022-12-13',
    ];
    for (const text of answered) expect(check(text), text).toBe(true);
    expect(readSimpleMapping('metrics:\n  minutes: 23\nitems:\n  - title: a\n    n: 0', MAX_VALUE)).toEqual({
      metrics: { minutes: 23 },
      items: [{ title: 'a', n: 0 }],
    });
  });

  it('on random edits of sample frontmatter (characters YAML gives meaning to, inserted anywhere)', () => {
    const blocks = readdirSync(`${root}postmortems`)
      .filter((n) => n.endsWith('.md'))
      .map((n) => frontmatterOf(readFileSync(`${root}postmortems/${n}`, 'utf8'))!);
    // A status page's block, with a boolean and block lists.
    blocks.push('title: Builds delayed\nresolved: true\naffected:\n  - builds\n  - API\ntags:\n- security\n- transparency\nsection: issue');
    // A generated review's block: a nested mapping of numbers and a list of mappings.
    blocks.push(
      'id: PM-2024-0007\ntitle: "queue: backlog"\nauthors:\n  - ana\n  - li\nmetrics:\n  detection_minutes: 12\n  customers_affected: 40\nrelated:\n  - PM-2023-0100\naction_items:\n  - title: Add an alert\n    owner: ana\n    due: 2024-06-01\n  - title: Cap retries\n    owner: li',
    );
    blocks.push('date: 2022-12-13\nauthor: Ana ([@ana](https://example.org/@ana))\nresources:\n- src: "img.png"\n  title: Cover\n  params:\n    byline: Ana');
    const pieces = [
      ':',
      ': ',
      '#',
      ' #',
      '-',
      '- ',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '\n',
      '\n  ',
      '  ',
      '\t',
      '\r',
      '\r\n',
      '&a ',
      '*a',
      '!',
      '|',
      '>',
      '?',
      '~',
      '%',
      '@',
      '`',
      '\\',
      '0',
      '1.5',
      'null',
      'true',
      '\u00a0',
      '\u2028',
      '\ufeff',
      'é',
    ];
    let answered = 0;
    fc.assert(
      fc.property(
        fc.nat(blocks.length - 1),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 3 }),
        (which, edits) => {
          let text = blocks[which]!;
          for (const [where, piece] of edits) {
            const at = Math.floor(where * text.length);
            text = text.slice(0, at) + piece + text.slice(at);
          }
          if (check(text)) answered++;
        },
      ),
      { numRuns: 3000, seed: 20261121 },
    );
    expect(answered).toBeGreaterThan(200);
  });
});
