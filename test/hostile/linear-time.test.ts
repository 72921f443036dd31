// No regular expression (or loop) of the model or of any rule takes superlinear time: each
// rule, the model built after the parse, the archive index's scan of a file, the time
// readers and the heading classifier are fed long runs of the characters their patterns
// repeat, at n and 4n characters in the same run.
// Linear work grows 4 times; the test allows 8 (median of a few runs). A pattern that
// backtracks catastrophically grows 16 times or more (quadratic) and fails, naming the rule
// and the input. Times below a millisecond are too small to compare and count as one.
import { describe, expect, it } from 'vitest';
import { buildModel, modelFromTree } from '../../src/core/build.ts';
import { guardSource } from '../../src/core/guard.ts';
import { parseMarkdown } from '../../src/core/parse.ts';
import { classifyHeading, cleanHeadingText, looksLikeHeadingLine, normaliseHeading } from '../../src/core/sections/classify.ts';
import { findZoneDeclaration, parseDuration, parseZone, readDateOnly, readDateTime, readLeadingTime, readTimeRange } from '../../src/core/time/index.ts';
import { exampleArchive, indexEntry } from '../../src/lint/archive.ts';
import { documentContext } from '../../src/lint/engine.ts';
import type { LintSettings, Rule } from '../../src/lint/rule.ts';
import { FUZZ, medianMs, OPTIONS, rules, TEST_NOW } from './helpers.ts';

/** The characters (and pairs) that patterns repeat: runs of them are what makes a regex backtrack. */
const ALL_UNITS = [' ', '0', 'a', 'A', '*', '-', ':', '@', '.', '/', '=', '_', '#', '\t', '|', ',', '+', 'a ', '0:', '0.', '0 ', '0-', 'a.', 'a-', 'a@', 'a/', '-a', 'aA', 'a_', ' a', 'a1', '1,', '. ', ': ', '- ', '* ', '@a', 'a:', 'x=', '%', '$', '[', ']', '(', ')', '<', '>', "'", '"', '`', '~', '!', '?', '&', ';', '\\', '{', '}', 'é', '\u200F'];
/** The default run takes the characters the issue names and the likeliest pairs; `npm run test:fuzz` takes all. */
const UNITS = FUZZ > 1 ? ALL_UNITS : [' ', '0', 'a', '*', '-', ':', '@', '.', '/', '=', '_', '\t', '|', '<', '`', 'a ', '0:', 'a.', '- ', '\\'];

const N = 1000;
const RATIO = 8;
/** Below this many milliseconds, a time is measurement noise: it counts as this much. */
const FLOOR_MS = 1;

/**
 * A postmortem with the run in every place a rule reads: frontmatter values, the title,
 * headings, the summary's statements, impact prose, timeline list items and table cells,
 * root cause, action items, code, a link, an HTML comment. Each run stands on its own line
 * or in its own cell, so the parser stays linear and only what reads the text is timed.
 */
function postmortem(run: string, safe = false): string {
  // `safe`: no run opens a line, where "* * *…" or "> > >…" would nest containers past the
  // guard's limit (such a file is never parsed, so its model and rules are never run).
  const lead = safe ? 'x ' : '';
  return [
    '---',
    `title: x${run}`,
    `severity: SEV${run}`,
    `date: 2024-${run}`,
    `incident_start: 2024-03-02T10:00${run}`,
    `timezone: U${run}`,
    `notes: ${run}`,
    '---',
    '',
    `# Outage ${run}`,
    '',
    '## Summary',
    '',
    `Start: 2024-03-02 10:00 ${run}`,
    '',
    `End: ${run} 11:00 UTC`,
    '',
    `Duration: 2 hours ${run} minutes`,
    '',
    `The outage lasted from 10:00 to ${run}`,
    '',
    `## Impact ${run}`,
    '',
    `${lead}${run} users saw errors`,
    '',
    '## Timeline (all times UTC)',
    '',
    `- 10:00 ${run}`,
    `- ${lead}${run} 10:05`,
    `- ${lead}${run}`,
    '',
    '| Time | Event |',
    '| --- | --- |',
    `| 10:10 ${run} | x |`,
    `| 10:20 | ${run} |`,
    '',
    `${lead}${run}10:30 UTC`,
    '',
    '## Root Cause',
    '',
    `Human error ${run} should have`,
    '',
    `TODO ${run} 20XX`,
    '',
    '## Corrective and Preventative Measures',
    '',
    `- [ ] ${lead}${run} @ana OPS-1 due 2024-06-01`,
    `- [ ] Fix @${run} OPS-${run} due ${run}`,
    '',
    `## ${run}`,
    '',
    '```',
    `${lead}${run}`,
    `key=${run}`,
    `https://user:${run}@host.acme.io/`,
    `${lead}${run}@acme.io`,
    '```',
    '',
    `[link](https://acme.io/${run})`,
    '',
    `<!-- hindsight-disable-next-line ${run} -->`,
    `text ${run}`,
    '',
    // The run in the middle of a line, with text after it (patterns anchored at the end).
    `## Notes ${run} end`,
    '',
    `### ${run}:`,
    '',
    `**Owner ${run}:** text`,
    '',
    `- Owner: ${run} x`,
    `- Fix the thing ${run} @ana, OPS-1 — due 2024-06-01, done.`,
    '',
    `| ${run} x | y |`,
    '| --- | --- |',
    `| a ${run} b | TBD ${run}. |`,
    '',
    `Note: ${run}.`,
    '',
  ].join('\n');
}

interface Result {
  what: string;
  unit: string;
  small: number;
  large: number;
}

const worst: Result[] = [];
let failures: string[] = [];

/** How many times the larger input cost the smaller (a time below FLOOR_MS counts as FLOOR_MS). */
function ratioOf(small: number, large: number): number {
  return large / Math.max(small, FLOOR_MS);
}

/** Records a comparison; the failures are asserted together at the end of each test. */
function compare(what: string, unit: string, small: number, large: number, sizes = `${N} and ${4 * N}`): void {
  worst.push({ what, unit, small, large });
  const ratio = ratioOf(small, large);
  if (ratio >= RATIO) failures.push(`${what} on runs of ${JSON.stringify(unit)}: ${small.toFixed(2)} ms and ${large.toFixed(2)} ms at ${sizes} characters (${ratio.toFixed(1)}×)`);
}

function expectNoFailures(): void {
  const found = failures;
  failures = [];
  expect(found, found.join('\n')).toEqual([]);
}

describe('linear time on long runs of one character', () => {
  it('every rule, and the model built after the parse', { timeout: 600_000 }, async () => {
    const all = await rules();
    const archive = exampleArchive({ 'postmortems/2024-03-02-database-outage.md': '---\nid: INC-1\ndate: 2024-03-02\n---\n\n# Database outage\n\n## Root Cause\n\nA full disk.\n' });
    const settings: LintSettings = { timezone: null, requiredFrontmatter: ['owner'], frontmatterSchema: null, now: TEST_NOW, archive };
    const active = [...all.values()] as Rule[];
    const measure = (unit: string): Map<string, number[]> => {
      const times = new Map<string, number[]>();
      for (const size of [N, 4 * N]) {
        const run = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
        let source = postmortem(run);
        if (guardSource(source)) source = postmortem(run, true);
        expect(guardSource(source), `the hostile postmortem of ${JSON.stringify(unit)} passes the guard`).toBeNull();
        // The model, apart from the parse (a fresh tree each time: the model changes it).
        const trees = Array.from({ length: 3 }, () => parseMarkdown(source));
        let k = 0;
        const modelMs = medianMs(() => modelFromTree('/x/2024-03-02-hostile.md', source, trees[k++]!), 3);
        (times.get('the model') ?? times.set('the model', []).get('the model')!).push(modelMs);
        // The archive index's line scan of each file (title, id, root cause), apart from the model.
        const indexMs = medianMs(() => indexEntry('/x/2024-03-02-hostile.md', source, 'root-cause'), 3);
        (times.get('the archive index') ?? times.set('the archive index', []).get('the archive index')!).push(indexMs);
        const parsed = buildModel('/x/2024-03-02-hostile.md', source);
        const document = documentContext(parsed);
        document.pieces();
        for (const rule of active) {
          const context = { ...document, options: { ...rule.defaults, ...OPTIONS[rule.id] }, settings, report: () => {} };
          const ms = medianMs(() => rule.check(context), 3);
          (times.get(rule.id) ?? times.set(rule.id, []).get(rule.id)!).push(ms);
        }
      }
      return times;
    };
    const ratio = ([small, large]: number[]): number => ratioOf(small!, large!);
    for (const unit of UNITS) {
      const times = measure(unit);
      // A ratio over the limit is measured twice more, and the lowest counts: on a machine
      // shared with other work one pause can double a time, but a quadratic pattern fails
      // every time.
      for (let again = 0; again < 2 && [...times.values()].some((t) => ratio(t) >= RATIO); again++) {
        for (const [what, t] of measure(unit)) if (ratio(t) < ratio(times.get(what)!)) times.set(what, t);
      }
      for (const [what, [small, large]] of times) compare(what, unit, small!, large!);
    }
    const top = [...worst].sort((a, b) => ratioOf(b.small, b.large) - ratioOf(a.small, a.large)).slice(0, 5);
    expectNoFailures();
    console.log(`linear time: ${active.length} rules and the model, ${UNITS.length} characters, ${N} and ${4 * N} characters per place; highest ratios: ${top.map((r) => `${r.what} ${JSON.stringify(r.unit)} ${ratioOf(r.small, r.large).toFixed(1)}×`).join(', ')}`);
  });

  it('the time readers, zone and duration readers and the heading classifier', () => {
    const readers: [string, (text: string) => unknown][] = [
      ['readDateTime', readDateTime],
      ['readTimeRange', readTimeRange],
      ['readLeadingTime', (t) => readLeadingTime(t, t.length)],
      ['readDateOnly', readDateOnly],
      ['parseDuration', parseDuration],
      ['parseZone', parseZone],
      ['findZoneDeclaration', findZoneDeclaration],
      ['classifyHeading', (t) => classifyHeading(t)],
      ['cleanHeadingText', cleanHeadingText],
      ['normaliseHeading', normaliseHeading],
      ['looksLikeHeadingLine', looksLikeHeadingLine],
    ];
    // Each run alone and between the text the patterns look for around it.
    const frames: [string, string][] = [['', ''], ['10:00 ', ' UTC'], ['2024-03-02 ', 'Z'], ['from ', ' to 11:00'], ['Root Cause ', ':'], ['2 hours ', ' minutes'], ['(all times ', ')'], ['', '!']];
    for (const unit of UNITS) {
      for (const [name, read] of readers) {
        const measure = (): number[] =>
          [N * 4, N * 16].map((size) => {
            const run = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
            const texts = frames.map(([before, after]) => before + run + after);
            return medianMs(() => texts.forEach((t) => read(t)), 3);
          });
        let ms = measure();
        // Over the limit: measured twice more, the lowest counts (see above).
        for (let again = 0; again < 2 && ratioOf(ms[0]!, ms[1]!) >= RATIO; again++) {
          const next = measure();
          if (ratioOf(next[0]!, next[1]!) < ratioOf(ms[0]!, ms[1]!)) ms = next;
        }
        compare(name, unit, ms[0]!, ms[1]!, `${4 * N} and ${16 * N}`);
      }
    }
    expectNoFailures();
  });

  it('every rule on thousands of findings in one line', { timeout: 600_000 }, async () => {
    // A placeholder or a blaming word repeated along one line: each finding's own work must
    // not read the whole line (its start, its end, its label), or the cost grows with the
    // square of the findings. Such a cost is too small to show at the sizes above: these
    // lines are 16,000 and 64,000 characters long.
    const units = ['TODO ', 'TBD ', '20XX ', 'HH:MM ', '{{x}} ', '[insert x] ', 'careless ', 'human error. ', '@ana broke ', '- TODO <b></b> '];
    const all = [...(await rules()).values()] as Rule[];
    const settings: LintSettings = { timezone: null, requiredFrontmatter: [], frontmatterSchema: null, now: TEST_NOW };
    const document = (run: string): string =>
      ['# Outage', '', '## Summary', '', run, '', '## Corrective and Preventative Measures', '', `- ${run}`, '', '| Item | Owner |', '| --- | --- |', `| x | ${run} |`, ''].join('\n');
    for (const unit of units) {
      const measure = (): Map<string, number[]> => {
        const times = new Map<string, number[]>();
        for (const size of [16 * N, 64 * N]) {
          const parsed = buildModel('/x/2024-03-02-hostile.md', document(unit.repeat(Math.ceil(size / unit.length)).slice(0, size)));
          const context = documentContext(parsed);
          context.pieces();
          for (const rule of all) {
            const ms = medianMs(() => rule.check({ ...context, options: { ...rule.defaults, ...OPTIONS[rule.id] }, settings, report: () => {} }), 3);
            (times.get(rule.id) ?? times.set(rule.id, []).get(rule.id)!).push(ms);
          }
        }
        return times;
      };
      const times = measure();
      for (let again = 0; again < 2 && [...times.values()].some(([a, b]) => ratioOf(a!, b!) >= RATIO); again++) {
        for (const [what, t] of measure()) if (ratioOf(t[0]!, t[1]!) < ratioOf(times.get(what)![0]!, times.get(what)![1]!)) times.set(what, t);
      }
      for (const [what, [small, large]] of times) compare(what, unit, small!, large!, `${16 * N} and ${64 * N}`);
    }
    expectNoFailures();
  });
});
