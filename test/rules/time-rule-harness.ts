// Runs one rule's check directly on a parsed document, outside the engine, to time the
// rule alone on large timelines (the model is built once, before the clock starts).
import { buildModel } from '../../src/core/build.ts';
import { documentContext } from '../../src/lint/engine.ts';
import { loadRules } from '../../src/lint/registry.ts';
import type { LintSettings, Report } from '../../src/lint/rule.ts';
import { TEST_NOW } from '../helpers/lint-text.ts';

export interface Timed {
  ms: number;
  reports: Report[];
}

/** Builds the model of `markdown`, then times the rule's check on it (best of `runs`). */
export async function timeRule(id: string, markdown: string, options: Record<string, unknown> = {}, runs = 2): Promise<Timed> {
  const rule = (await loadRules()).get(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const document = documentContext(buildModel('/tmp/large.md', markdown));
  const settings: LintSettings = { timezone: null, requiredFrontmatter: [], frontmatterSchema: null, now: TEST_NOW };
  let best: Timed = { ms: Infinity, reports: [] };
  for (let run = 0; run < runs; run++) {
    const reports: Report[] = [];
    const started = performance.now();
    rule.check({ ...document, options: { ...rule.defaults, ...options }, settings, report: (r) => reports.push(r) });
    const ms = performance.now() - started;
    if (ms < best.ms) best = { ms, reports };
  }
  return best;
}

/** "HH:MM" for minute `i` of a day that wraps at midnight. */
export function clock(i: number): string {
  const minutes = i % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Lines joined into a document with a final newline. */
export const lines = (...l: string[]): string => `${l.join('\n')}\n`;
