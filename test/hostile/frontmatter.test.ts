// Hostile frontmatter: invalid YAML, an alias bomb, duplicate keys, keys that are not
// text, a 1 MB value, deep nesting, odd line endings. Each is a clear `frontmatter-schema`
// finding at its line and column, in bounded time and memory, and never a process warning.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FRONTMATTER, MAX_VALUE } from '../../src/core/frontmatter.ts';
import type { Finding } from '../../src/lint/engine.ts';
import { aliasBombLines } from '../helpers/alias-bomb.ts';
import { lintText } from '../helpers/lint-text.ts';
import { brokenInvariant, FUZZ, SEED } from './helpers.ts';

const frontmatter = async (yaml: string): Promise<Finding[]> =>
  (await lintText(`---\n${yaml}\n---\n# Outage\n`, { only: { 'frontmatter-schema': {} } })).filter((f) => f.ruleId === 'frontmatter-schema');

const brief = (findings: readonly Finding[]) => findings.map((f) => [f.line, f.column, f.message]);

let warnings: string[] = [];
const onWarning = (warning: Error): void => {
  warnings.push(warning.message);
};
beforeEach(() => {
  warnings = [];
  process.on('warning', onWarning);
});
afterEach(() => {
  process.off('warning', onWarning);
  expect(warnings, 'no process warning').toEqual([]);
});

describe('hostile frontmatter', () => {
  it('invalid YAML: the problem, at its line and column', async () => {
    expect(brief(await frontmatter('title: "Checkout outage\nseverity: SEV2'))).toEqual([
      [3, 15, 'Frontmatter is not valid YAML: Missing closing "quote. Fix the YAML so its keys can be read.'],
    ]);
    expect(brief(await frontmatter('title: x\n\tseverity: SEV2'))).toEqual([
      [3, 1, 'Frontmatter is not valid YAML: Tabs are not allowed as indentation. Fix the YAML so its keys can be read.'],
    ]);
    const unbalanced = await frontmatter('tags: [a, b\nseverity: SEV2');
    expect(unbalanced.length).toBeGreaterThan(0);
    for (const f of unbalanced) expect(f.line).toBeGreaterThanOrEqual(2);
  });

  it('a YAML alias bomb ("billion laughs"): one finding, without expanding it', async () => {
    const lines = aliasBombLines();
    const heap = process.memoryUsage().heapUsed;
    const findings = await frontmatter(lines.join('\n'));
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
    expect(brief(findings)).toEqual([
      [2, 1, 'Frontmatter is not valid YAML: Excessive alias count indicates a resource exhaustion attack. Fix the YAML so its keys can be read.'],
    ]);
  });

  it('a duplicate key: at the second one', async () => {
    expect(brief(await frontmatter('title: A\nseverity: SEV2\ntitle: B'))).toEqual([
      [4, 1, 'Frontmatter is not valid YAML: Map keys must be unique. Fix the YAML so its keys can be read.'],
    ]);
  });

  it('keys that are not text: numbers, true, null, a list, a mapping, each at its key', async () => {
    expect(brief(await frontmatter('123: x\ntrue: y\nnull: z\n? [a, b]\n: 1\n? {k: 1}\n: 2\n"456": quoted is fine'))).toEqual([
      [2, 1, 'Frontmatter key 123 is a number, not text: quote it ("123": …) so that every tool reads it alike.'],
      [3, 1, 'Frontmatter key true is true or false, not text: quote it ("true": …) so that every tool reads it alike.'],
      [4, 1, 'Frontmatter key with no name (or null): give it a name.'],
      [5, 3, 'Frontmatter key that is a list ("? […]" or "? {…}"): a key must be text; write it as a plain name.'],
      [7, 3, 'Frontmatter key that is a mapping ("? […]" or "? {…}"): a key must be text; write it as a plain name.'],
    ]);
    // Nested mappings too.
    expect(brief(await frontmatter('owner:\n  1: ana'))).toEqual([
      [3, 3, 'Frontmatter key 1 is a number, not text: quote it ("1": …) so that every tool reads it alike.'],
    ]);
  });

  it('a 1 MB value: one finding at the block, which is not parsed (bounded time and memory)', async () => {
    const heap = process.memoryUsage().heapUsed;
    const findings = await frontmatter(`title: ${'x'.repeat(1024 * 1024)}`);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(128 * 1024 * 1024);
    expect(brief(findings)).toEqual([
      [
        2,
        1,
        `The frontmatter is 1,024 KB long, past the ${MAX_FRONTMATTER / 1024} KB Hindsight reads: frontmatter holds a few short keys; move long text into the body of the postmortem.`,
      ],
    ]);
  });

  it('a 40 KB value: one finding at the value (the other keys are still read)', async () => {
    const findings = await frontmatter(`severity: SEV2\nnotes: ${'y'.repeat(40_000)}`);
    expect(brief(findings)).toEqual([
      [
        3,
        8,
        `This frontmatter value is 40,000 characters long, past the ${MAX_VALUE.toLocaleString('en-US')} Hindsight reads: frontmatter holds short values; move long text into the body of the postmortem.`,
      ],
    ]);
  });

  it('lists nested thousands deep: one finding that says so', async () => {
    const findings = await frontmatter(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('Frontmatter is not valid YAML: It nests lists or mappings too deeply to read. Fix the YAML so its keys can be read.');
    expect(findings[0]!.line).toBe(2);
  });

  it('lone CR line endings are read as line endings, with the positions the parser gives', async () => {
    const findings = await lintText('---\rtitle: x\rseverity: sev2\r---\r# T\r', { only: { 'frontmatter-schema': {} } });
    expect(brief(findings)).toEqual([[3, 1, 'severity must be one of SEV1, SEV2, SEV3, SEV4, SEV5; found "sev2": write "SEV2".']]);
  });

  it('any frontmatter: findings inside the block, never an error or a warning', async () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        'SEV2',
        'sev2',
        '2024-03-02',
        'null',
        '~',
        '*a',
        '&a x',
        '!!binary x',
        '|',
        '>',
        '- x',
        '[',
        '{',
        '"',
        "'",
        '#',
        ': ',
        '? ',
        '\t',
        '\\',
        '%YAML 1.2',
        '---',
        '...',
      ),
    );
    const key = fc.oneof(
      fc.constantFrom('title', 'severity', 'date', 'incident_start', 'incident_end', 'timezone', 'status', 'services', 'tags', 'authors', 'id'),
      fc.string({ maxLength: 8 }),
    );
    const line = fc.tuple(fc.nat({ max: 6 }), key, scalar).map(([indent, k, v]) => `${' '.repeat(indent)}${k}: ${v}`);
    const yaml = fc.array(fc.oneof(line, scalar), { maxLength: 12 }).map((lines) => lines.join('\n'));
    await fc.assert(
      fc.asyncProperty(yaml, async (text) => {
        const source = `---\n${text}\n---\n# Outage\n`;
        const findings = await lintText(source, { only: { 'frontmatter-schema': {} } });
        const broken = brokenInvariant(findings, source);
        if (broken) throw new Error(broken);
        const closing = source.split('\n').indexOf('---', 1) + 1;
        for (const f of findings) if (f.ruleId === 'frontmatter-schema' && closing > 0) expect(f.line).toBeLessThanOrEqual(Math.max(closing, 2));
      }),
      { numRuns: 1000 * FUZZ, seed: SEED },
    );
  });
});
