// No regular expression (or loop) of the model or of any rule takes superlinear time: each
// rule, the model built after the parse, the archive index's scan of a file, the time
// readers and the heading classifier are fed long runs of the characters their patterns
// repeat, at n and 32n characters in the same run.
// What is compared is CPU time per call (test/helpers/growth.ts), each call on a fresh input:
// linear work grows about 32 times; the test allows 181. A pattern that backtracks
// catastrophically grows about 1000 times (quadratic) and fails, naming the rule and the
// input. A busy machine cannot fail it: the time a thread waits for a core is not CPU time.
import { describe, expect, it } from 'vitest';
import { modelFromTree } from '../../src/core/build.ts';
import { guardSource } from '../../src/core/guard/index.ts';
import { parseMarkdown } from '../../src/core/parse.ts';
import { classifyHeading, cleanHeadingText, looksLikeHeadingLine, normaliseHeading } from '../../src/core/sections/classify.ts';
import { findZoneDeclaration, parseDuration, parseZone, readDateOnly, readDateTime, readLeadingTime, readTimeRange } from '../../src/core/time/index.ts';
import { exampleArchive, indexEntry } from '../../src/lint/archive/index.ts';
import { documentContext } from '../../src/lint/engine.ts';
import { AnchorScan, defineAnchors, matchesNear, nearSearch, phraseSearch, proseText, type TextPiece } from '../../src/lint/kit/index.ts';
import type { LintSettings, Rule } from '../../src/lint/rule.ts';
import { cpuOf, describeGrowth, growth, growths, runOf, settle, SIZE_RATIO, type Growth } from '../helpers/growth.ts';
import { FUZZ, OPTIONS, rules, TEST_NOW } from './helpers.ts';
import { Archive } from '../../src/lint/archive/archive.ts';

/** The characters (and pairs) that patterns repeat: runs of them are what makes a regex backtrack. */
const ALL_UNITS = [
  ' ',
  '0',
  'a',
  'A',
  '*',
  '-',
  ':',
  '@',
  '.',
  '/',
  '=',
  '_',
  '#',
  '\t',
  '|',
  ',',
  '+',
  'a ',
  '0:',
  '0.',
  '0 ',
  '0-',
  'a.',
  'a-',
  'a@',
  'a/',
  '-a',
  'aA',
  'a_',
  ' a',
  'a1',
  '1,',
  '. ',
  ': ',
  '- ',
  '* ',
  '@a',
  'a:',
  'x=',
  '%',
  '$',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  "'",
  '"',
  '`',
  '~',
  '!',
  '?',
  '&',
  ';',
  '\\',
  '{',
  '}',
  'é',
  '\u200F',
];
/** The default run takes the characters the issue names and the likeliest pairs; `npm run test:fuzz` takes all. */
const UNITS = FUZZ > 1 ? ALL_UNITS : [' ', '0', 'a', '*', '-', ':', '@', '.', '/', '=', '_', '\t', '|', '<', '`', 'a ', '0:', 'a.', '- ', '\\'];

const N = 500;

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
  growth: Growth;
}

const worst: Result[] = [];
let failures: string[] = [];

/** Records the growths of one unit; the failures are asserted together at the end of each test. */
function record(found: Map<string, Growth>, unit: string, small: number, large: number): void {
  for (const [what, growth] of found) {
    worst.push({ what, unit, growth });
    if (growth.ratio >= growth.limit) failures.push(`${what} on runs of ${JSON.stringify(unit)}: ${describeGrowth(growth, `${small}`, `${large} characters`)}`);
  }
}

function expectNoFailures(): void {
  const found = failures;
  failures = [];
  expect(found, found.join('\n')).toEqual([]);
}

/** The highest ratios measured, for the log. */
function highest(count = 5): string {
  return [...worst]
    .sort((a, b) => b.growth.ratio - a.growth.ratio)
    .slice(0, count)
    .map((r) => `${r.what} ${JSON.stringify(r.unit)} ${r.growth.small === null ? '≤ ' : ''}${r.growth.ratio.toFixed(1)}×`)
    .join(', ');
}

/** Asserts that every growth recorded since `worst` was cleared is linear, then logs `summary` and the highest ratios. */
function expectLinearAndLog(summary: string): void {
  const top = highest();
  expectNoFailures();
  console.log(`${summary}; highest ratios (CPU time): ${top}`);
}

/**
 * Feeds each reader every unit's run, alone and inside each frame, at 2N and 32 × 2N
 * characters, and asserts no reader's CPU time grows faster than linearly.
 */
function expectTextReadersLinear(what: string, noun: string, readers: [string, (text: string) => unknown][], frames: [string, string][]): void {
  const small = 2 * N;
  worst.length = 0;
  for (const unit of UNITS) {
    const found = growths((size, variant, only) => {
      const run = runOf(unit, size + variant);
      const texts = frames.map(([before, after]) => before + run + after);
      settle();
      const times = new Map<string, number>();
      for (const [name, read] of readers)
        if (!only || only.has(name))
          times.set(
            name,
            cpuOf(() => texts.forEach((t) => read(t))),
          );
      return times;
    }, small);
    record(found, unit, small, SIZE_RATIO * small);
  }
  expectLinearAndLog(`linear time of ${what}: ${readers.length} ${noun}, ${UNITS.length} characters, ${small} and ${SIZE_RATIO * small} characters`);
}

/**
 * The CPU time of each rule's check on one document (`only`: those rules), its model and text
 * pieces built first and untimed.
 */
function timeRules(all: readonly Rule[], source: string, settings: LintSettings, only: ReadonlySet<string> | null): Map<string, number> {
  const context = documentContext(modelFromTree('/x/2024-03-02-hostile.md', source, parseMarkdown(source)));
  context.pieces();
  settle();
  const times = new Map<string, number>();
  for (const rule of all) {
    if (only && !only.has(rule.id)) continue;
    const options = { ...rule.defaults, ...OPTIONS[rule.id] };
    times.set(
      rule.id,
      cpuOf(() => rule.check({ ...context, options, settings, archive: settings.archive ?? Archive.documentAlone(process.cwd()), report: () => {} })),
    );
  }
  return times;
}

describe('linear time on long runs of one character', () => {
  it('every rule, and the model built after the parse', async () => {
    const all = await rules();
    const archive = exampleArchive({
      'postmortems/2024-03-02-database-outage.md': '---\nid: INC-1\ndate: 2024-03-02\n---\n\n# Database outage\n\n## Root Cause\n\nA full disk.\n',
    });
    const settings: LintSettings = { timezone: null, requiredFrontmatter: ['owner'], frontmatterSchema: null, now: TEST_NOW, archive };
    const active = [...all.values()] as Rule[];
    worst.length = 0;
    for (const unit of UNITS) {
      const found = growths((size, variant, only) => {
        const times = new Map<string, number>();
        // A fresh postmortem, its runs one character longer per variant (see growth.ts).
        const run = runOf(unit, size + variant);
        let source = postmortem(run);
        if (guardSource(source)) source = postmortem(run, true);
        // The guard's token limit refuses the largest postmortem of a few runs ("<", "\\", each
        // character a piece of syntax): measured all the same, since what is timed is the model
        // and the rules on what the parser reads. No other limit may refuse it.
        const refused = guardSource(source);
        expect(refused === null || refused.kind === 'tokens', `the hostile postmortem of ${JSON.stringify(unit)} passes the guard: ${refused?.message}`).toBe(
          true,
        );
        const tree = parseMarkdown(source);
        settle();
        // The model, apart from the parse (which the guard's tests bound).
        let parsed: ReturnType<typeof modelFromTree> | null = null;
        const modelMs = cpuOf(() => (parsed = modelFromTree('/x/2024-03-02-hostile.md', source, tree)));
        if (!only || only.has('the model')) times.set('the model', modelMs);
        // The archive index's line scan of each file (title, id, root cause), apart from the model.
        if (!only || only.has('the archive index'))
          times.set(
            'the archive index',
            cpuOf(() => indexEntry('/x/2024-03-02-hostile.md', source, 'root-cause')),
          );
        const document = documentContext(parsed!);
        document.pieces();
        for (const rule of active) {
          if (only && !only.has(rule.id)) continue;
          const context = {
            ...document,
            options: { ...rule.defaults, ...OPTIONS[rule.id] },
            settings,
            archive: settings.archive ?? Archive.documentAlone(process.cwd()),
            report: () => {},
          };
          times.set(
            rule.id,
            cpuOf(() => rule.check(context)),
          );
        }
        return times;
      }, N);
      record(found, unit, N, SIZE_RATIO * N);
    }
    expectLinearAndLog(
      `linear time: ${active.length} rules, the model and the archive index, ${UNITS.length} characters, ${N} and ${SIZE_RATIO * N} characters per place`,
    );
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
    const frames: [string, string][] = [
      ['', ''],
      ['10:00 ', ' UTC'],
      ['2024-03-02 ', 'Z'],
      ['from ', ' to 11:00'],
      ['Root Cause ', ':'],
      ['2 hours ', ' minutes'],
      ['(all times ', ')'],
      ['', '!'],
    ];
    expectTextReadersLinear('the readers', 'readers', readers, frames);
  });

  it("the rule kit's text search: phrases, the shared pre-scan, the search near anchors, the prose text", () => {
    const phrases = phraseSearch(['human error', 'a-a', 'a a', '0:0', 'should have']);
    const anchors = [
      defineAnchors('linear a', 'source', /\ba|a\b/i),
      defineAnchors('linear digits', 'source', /\d[:.-]\d|@/),
      defineAnchors('linear should', 'source', /\bshould/),
    ];
    const near = nearSearch(/(?:@a|\ba)[ \t\n]+(?:\w+[ \t\n]+){0,3}should[ \t\n]+have\b/g, { anchor: String.raw`\bshould`, before: 5, words: new Set(['a']) });
    const search: [string, (text: string) => unknown][] = [
      ['phraseSearch', (t) => phrases(t)],
      ['AnchorScan', (t) => new AnchorScan(t, anchors)],
      ['matchesNear', (t) => [...matchesNear(t, near, new AnchorScan(t, anchors).of(anchors[2]!))]],
      [
        'proseText',
        (t) =>
          proseText(t, [
            { value: t.slice(1, t.length >> 1), offset: 1, kind: 'prose' },
            { value: t.slice(t.length >> 1), offset: t.length >> 1, kind: 'prose' },
          ] as TextPiece[]),
      ],
    ];
    // Each run alone and between the words the searches look for around it.
    const frames: [string, string][] = [
      ['', ''],
      ['human ', ' error'],
      ['a ', ' should have'],
      ['@a ', ' should'],
      ['should ', ' a'],
    ];
    expectTextReadersLinear("the kit's text search", 'searches', search, frames);
  });

  it('every rule on thousands of findings in one line', async () => {
    // A placeholder or a blaming word repeated along one line: each finding's own work must
    // not read the whole line (its start, its end, its label), or the cost grows with the
    // square of the findings. Such a cost is too small to show at the sizes above: these
    // lines are 2,000 and 64,000 characters long.
    const units = ['TODO ', 'TBD ', '20XX ', 'HH:MM ', '{{x}} ', '[insert x] ', 'careless ', 'human error. ', '@ana broke ', '- TODO <b></b> '];
    const all = [...(await rules()).values()] as Rule[];
    const settings: LintSettings = { timezone: null, requiredFrontmatter: [], frontmatterSchema: null, now: TEST_NOW };
    const document = (run: string): string =>
      [
        '# Outage',
        '',
        '## Summary',
        '',
        run,
        '',
        '## Corrective and Preventative Measures',
        '',
        `- ${run}`,
        '',
        '| Item | Owner |',
        '| --- | --- |',
        `| x | ${run} |`,
        '',
      ].join('\n');
    const small = 4 * N;
    worst.length = 0;
    for (const unit of units) {
      const found = growths((size, variant, only) => {
        const source = document(runOf(unit, size + variant));
        return timeRules(all, source, settings, only);
      }, small);
      record(found, unit, small, SIZE_RATIO * small);
    }
    expectLinearAndLog(
      `linear time on many findings: ${all.length} rules, ${units.length} repeated phrases, lines of ${small} and ${SIZE_RATIO * small} characters`,
    );
  });
});

describe('linear time on many sections', () => {
  it('every rule on thousands of headings', async () => {
    // A rule's work per section must not read every other section (or every top-level node):
    // 33,000 headings cost empty-section 35 s that way. 2,000 and 64,000 characters of them.
    const units = ['# a\n\n', '## Summary\n\nx\n\n', '## Timeline\n\n', '### Action Items\n\nx\n\n', '**Impact:**\n\n'];
    const all = [...(await rules()).values()] as Rule[];
    const archive = exampleArchive({
      'postmortems/2024-03-02-database-outage.md': '---\nid: INC-1\ndate: 2024-03-02\n---\n\n# Database outage\n\n## Root Cause\n\nA full disk.\n',
    });
    const settings: LintSettings = { timezone: null, requiredFrontmatter: [], frontmatterSchema: null, now: TEST_NOW, archive };
    const small = 4 * N;
    worst.length = 0;
    for (const unit of units) {
      const found = growths((size, variant, only) => {
        const source = `# Outage\n\n${runOf(unit, size + variant)}\n`;
        expect(guardSource(source), `${JSON.stringify(unit)} at ${size} characters passes the guard`).toBeNull();
        return timeRules(all, source, settings, only);
      }, small);
      record(found, unit, small, SIZE_RATIO * small);
    }
    expectLinearAndLog(`linear time on many sections: ${all.length} rules, ${units.length} repeated headings, ${small} and ${SIZE_RATIO * small} characters`);
  });
});

/**
 * Shapes the parser pairs or merges (issue 14, case 5), and tables, built of parts of a fixed
 * size (a paragraph, a row, a cell) whose number grows: the guard bounds each paragraph's
 * work and counts every part, so what it accepts must cost the guard and the parser linear
 * time in the number of parts. (One paragraph growing without end is refused once its work
 * passes the guard's base allowance: test/hostile/guard.test.ts times the largest accepted.)
 */
const PARSER_SHAPES: Record<string, string | ((size: number) => string)> = {
  'matched emphasis': `${'*a* '.repeat(100)}\n\n`,
  'emphasis, strong and strikethrough': `${'**a** _b_ ~c~ '.repeat(50)}\n\n`,
  'brackets that are not links': `${'[a] '.repeat(100)}\n\n`,
  'links that never close': `${'[a]( '.repeat(100)}\n\n`,
  'ampersands and stars': `${'&x *'.repeat(100)}\n\n`,
  links: `${'[a](b) '.repeat(100)}\n\n`,
  'brackets opened deep': `${'['.repeat(1000)}\n\n`,
  'one-word list items': '- a\n',
  'table rows': (size) => `|a|b|\n|-|-|\n${runOf('|a|b|\n', size)}\n`,
  'one table row of many cells': (size) => `|a|\n|-|\n${runOf('|a', size)}\n`,
  'tables with emphasis in every cell': `|a|b|\n|-|-|\n${'| *a* | **b** |\n'.repeat(20)}\n`,
};

describe('the parser on what the guard accepts', () => {
  it.each(Object.keys(PARSER_SHAPES))('%s: the guard and the parse grow linearly', (name) => {
    const shape = PARSER_SHAPES[name]!;
    const make = (size: number): string => (typeof shape === 'string' ? runOf(shape, size) : shape(size));
    // 3,000 and 96,000 characters (32 times): the larger is under every limit of the guard.
    const g = growth((size, variant) => {
      const source = `${make(size)}${'x'.repeat(variant)}\n`;
      expect(guardSource(source), `${name} at ${size} characters passes the guard`).toBeNull();
      settle();
      return cpuOf(() => {
        guardSource(source);
        parseMarkdown(source);
      });
    }, 3000);
    expect(g.ratio, describeGrowth(g, '3,000 characters', '96,000')).toBeLessThan(g.limit);
  });
});
