// Shared by the hostile-input tests: a linter with every rule on (and options that reach
// every branch), the public corpus as bytes, the time bound per case, and run counts that
// `npm run test:fuzz` raises.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../../src/lint/config/load.ts';
import type { Finding } from '../../src/lint/engine.ts';
import { exampleArchive } from '../../src/lint/archive/index.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { createLinter, type Linter } from '../../src/lint/linter.ts';
import type { Rule } from '../../src/lint/rule.ts';

export const TEST_NOW = new Date('2026-11-21T12:00:00Z');

// The default run takes 9,500 hostile-input cases (fuzz.ts); HINDSIGHT_FUZZ multiplies them.
export { FUZZ, SEED } from '../helpers/fuzz.ts';

/** The public corpus, resolved from this file (the checkout's sibling ../shared). */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/public/', import.meta.url));

/**
 * Every corpus file as bytes. Without the corpus the tests that need it are skipped, except
 * under CI, where its absence is a failure.
 */
export function corpus(): { name: string; bytes: Buffer }[] {
  if (!existsSync(CORPUS)) {
    if (process.env.CI) throw new Error(`The public corpus is missing at ${CORPUS}: the hostile-input tests need it under CI.`);
    return [];
  }
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(CORPUS, name)) }));
}

export const HAVE_CORPUS = existsSync(CORPUS);
export const SKIP_CORPUS = !HAVE_CORPUS && !process.env.CI;

/** Bytes as the CLI reads them: UTF-8, invalid sequences as U+FFFD (readFileSync(…, 'utf8')). */
export function decode(bytes: Buffer): string {
  return bytes.toString('utf8');
}

/**
 * The CPU time a case may take: a fixed allowance (start-up of a case, a garbage collection)
 * plus an allowance per megabyte. The parser's worst linear rate (thousands of tiny lines)
 * is about 20 s/MB and the rules add to it; real postmortems lint at about 2 s/MB. Under
 * vitest, micromark runs its development build (the "development" export condition), with
 * its assertions: up to 3.5 times slower than `hindsight lint` on some shapes.
 */
export const BOUND = { baseMs: 500, perMbMs: 40_000 };

export function boundMs(bytes: number): number {
  return BOUND.baseMs + (BOUND.perMbMs * bytes) / (1024 * 1024);
}

let rulesPromise: Promise<ReadonlyMap<string, Rule>> | null = null;
export function rules(): Promise<ReadonlyMap<string, Rule>> {
  return (rulesPromise ??= loadRules());
}

/** Options that switch on every branch of the rules that have some. */
export const OPTIONS: Record<string, Record<string, unknown>> = {
  'action-items': { requireOwner: true, requireTicket: true, requireDue: true },
  'word-count': { min: 10, max: 100_000 },
  'no-placeholder': { ignoreDrafts: false },
  'timeline-in-window': { before: 'all', after: 'all', toleranceMinutes: 0 },
};

/** A few corpus postmortems as the archive of the cross-file rules. */
function archive(): ReturnType<typeof exampleArchive> {
  const files: Record<string, string> = {};
  for (const { name, bytes } of corpus().slice(0, 40)) files[`postmortems/${name}`] = decode(bytes);
  files['postmortems/2024-03-02-database-outage.md'] =
    '---\nid: INC-1\ndate: 2024-03-02\nservices: [db]\n---\n\n# Database outage\n\n## Root Cause\n\nA full disk.\n';
  return exampleArchive(files);
}

/** A linter with every rule on (off-by-default ones as warnings), in the given time zone. */
export async function everyRuleLinter(timezone: string | null = null): Promise<Linter> {
  const all = await rules();
  const config = resolveConfig(timezone ? { timezone } : {}, null, process.cwd(), all);
  config.rules = [...all.values()].map((rule) => ({
    rule,
    severity: rule.severity === 'off' ? 'warn' : rule.severity,
    options: { ...rule.defaults, ...OPTIONS[rule.id] },
  }));
  return createLinter(config, all, TEST_NOW, { archive: archive() });
}

/** A finding that reports a bug (an exception in the model or a rule), not the file. */
export function isInternal(finding: Finding): boolean {
  return finding.ruleId === 'fatal' && /bug in Hindsight/.test(finding.message);
}

/** Checks the invariants every lint result keeps, whatever the input; returns the first broken one. */
export function brokenInvariant(findings: readonly Finding[], source: string): string | null {
  const lines = source.split(/\r\n|\r|\n/).length;
  for (const f of findings) {
    if (isInternal(f)) return `internal error: ${f.message}`;
    if (typeof f.message !== 'string' || f.message.length === 0) return `empty message from ${f.ruleId}`;
    for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
      if (!Number.isInteger(f[key]) || f[key] < 1) return `${f.ruleId} ${key} ${f[key]}`;
    }
    if (f.line > lines + 1) return `${f.ruleId} line ${f.line} past the end (${lines} lines)`;
    if (f.fix && (f.fix.start < 0 || f.fix.end > source.length || f.fix.start > f.fix.end)) return `${f.ruleId} fix out of range`;
  }
  const fatal = findings.filter((f) => f.ruleId === 'fatal');
  if (fatal.length > 0 && findings.length !== 1) return 'a fatal finding with others beside it';
  return null;
}

/**
 * The CPU time this thread has used, in milliseconds. Bounds on a case are checked against
 * it, not the clock: on a machine shared with other work (the other test files, other jobs),
 * a case that waits for a core is not slower, and CPU time does not count the wait. This
 * reading moves in ticks of up to 4 ms (the exact one, test/helpers/growth.ts, costs 0.15 ms
 * a reading), so it only suits times far above that (bounds of 500 ms and more).
 */
export function cpuMs(): number {
  const used = process.threadCpuUsage();
  return (used.user + used.system) / 1000;
}

/** Times one lint in CPU time; a case over its bound is timed twice more and keeps its fastest time (noise). */
export function timedLint(linter: Linter, source: string, fileName = 'hostile.md'): { findings: Finding[]; ms: number } {
  const file = path.resolve(fileName);
  let started = cpuMs();
  const findings = linter.lint(file, source);
  let ms = cpuMs() - started;
  const bytes = Buffer.byteLength(source);
  for (let retry = 0; retry < 2 && ms > boundMs(bytes); retry++) {
    started = cpuMs();
    linter.lint(file, source);
    ms = Math.min(ms, cpuMs() - started);
  }
  return { findings, ms };
}

/** The slowest cases seen, for the figures the suite prints. */
export class Slowest {
  worstPerMb = { msPerMb: 0, bytes: 0, ms: 0, label: '' };
  worst = { ms: 0, bytes: 0, label: '' };
  count = 0;
  add(label: string, bytes: number, ms: number): void {
    this.count++;
    if (ms > this.worst.ms) this.worst = { ms, bytes, label };
    // Per megabyte only for cases large enough that the fixed cost of a case does not dominate.
    if (bytes >= 16 * 1024) {
      const msPerMb = ms / (bytes / (1024 * 1024));
      if (msPerMb > this.worstPerMb.msPerMb) this.worstPerMb = { msPerMb, bytes, ms, label };
    }
  }
  summary(name: string): string {
    const w = this.worstPerMb;
    const perMb =
      w.bytes === 0
        ? 'no case of 16 KB or more'
        : `slowest per MB ${(w.msPerMb / 1000).toFixed(2)} s/MB (${(w.bytes / 1024).toFixed(0)} KB in ${w.ms.toFixed(0)} ms, ${w.label})`;
    return `${name}: ${this.count.toLocaleString('en-US')} cases; slowest ${this.worst.ms.toFixed(1)} ms (${(this.worst.bytes / 1024).toFixed(1)} KB, ${this.worst.label}); ${perMb}`;
  }
}
