// Runs one rule's check directly on a parsed document, outside the engine, to measure how
// the rule alone grows on large timelines (each model is built before the clock starts).
import { modelFromTree } from '../../src/core/build.ts';
import { parseMarkdown } from '../../src/core/parse.ts';
import { documentContext } from '../../src/lint/engine.ts';
import { loadRules } from '../../src/lint/registry.ts';
import type { LintSettings, Report } from '../../src/lint/rule.ts';
import { TEST_NOW } from '../helpers/lint-text.ts';
import { cpuOf, growth, settle, type Growth } from '../helpers/growth.ts';
import { Archive } from '../../src/lint/archive/archive.ts';

/**
 * The entries of the small and the large timeline: 16 times as many, so linear work grows
 * about 16 times, quadratic work 256 times; the limit is 64 (growth.ts). Both timelines pass
 * midnight (the clock of these documents wraps every 1,440 entries), so that an entry costs
 * alike in both: below 1,440 entries no entry needs the day after, and an entry costs a
 * tenth as much, which would make linear work look superlinear.
 */
export const SMALL = 2_500;
export const LARGE = 40_000;

export interface RuleGrowth {
  /** CPU time per call at SMALL and LARGE entries (test/helpers/growth.ts): `ratio` must stay under `limit`. */
  growth: Growth;
  /** What the rule reported on the first document of each size. */
  small: Report[];
  large: Report[];
}

/**
 * How the rule's check grows from a timeline of SMALL entries to one of LARGE: `doc(n)` is
 * the Markdown of n entries. Each call is on a model of its own (a fresh document: no table
 * a rule keeps per model helps a later call), built before its clock starts.
 */
export async function ruleGrowth(id: string, doc: (n: number) => string, options: Record<string, unknown> = {}): Promise<RuleGrowth> {
  const rule = (await loadRules()).get(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const settings: LintSettings = { timezone: null, requiredFrontmatter: [], frontmatterSchema: null, now: TEST_NOW };
  const reports = new Map<number, Report[]>();
  // The large document stays alive while the small ones are measured: with the heap as
  // large, collecting what a call makes costs alike at both sizes.
  // biome-ignore lint/correctness/noUnusedVariables: written only to keep the large document alive (see above)
  let kept: unknown = null;
  const g = growth(
    (size, variant) => {
      // The variant, a comment after the timeline, makes each document differ from the others.
      // Parsed without the guard, whose token limit refuses timelines of 40,000 entries: what is
      // measured is the rule, on more entries than any postmortem the guard lets through.
      const source = `${doc(size)}\n<!-- ${variant} -->\n`;
      const document = documentContext(modelFromTree('/tmp/large.md', source, parseMarkdown(source)));
      if (size === LARGE) kept = document;
      settle();
      const found: Report[] = [];
      const ms = cpuOf(() =>
        rule.check({
          ...document,
          options: { ...rule.defaults, ...options },
          settings,
          archive: settings.archive ?? Archive.documentAlone(process.cwd()),
          report: (r) => found.push(r),
        }),
      );
      if (!reports.has(size)) reports.set(size, found);
      return ms;
    },
    SMALL,
    LARGE,
  );
  kept = null;
  return { growth: g, small: reports.get(SMALL)!, large: reports.get(LARGE)! };
}

/** "HH:MM" for minute `i` of a day that wraps at midnight. */
export function clock(i: number): string {
  const minutes = i % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Lines joined into a document with a final newline. */
export const lines = (...l: string[]): string => `${l.join('\n')}\n`;
