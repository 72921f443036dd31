// The whole public corpus of real postmortems through the real CLI with the default
// configuration: the run never fails (exit 0 or 1, never 2, no stack trace) and every file
// is listed. The table printed here (findings per rule, files affected) is quoted in the
// project's notes.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace, hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/public/', import.meta.url));
const present = existsSync(CORPUS);
if (!present && process.env.CI) throw new Error(`The public corpus is missing at ${CORPUS}: CI must run with ../shared beside the clone.`);

describe.skipIf(!present)('the public corpus through `hindsight lint --format json`', () => {
  it('exits 0 or 1, lists every file, and the findings are tabulated', async () => {
    const markdown = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
    // An empty working directory: no configuration applies, the defaults do.
    const cwd = project({});
    const run = await hindsight(['lint', '--format', 'json', CORPUS], cwd);
    expectNoStackTrace(run.stderr);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    const results = parseJson(run.stdout);
    expect(results.map((r) => r.filePath).sort()).toEqual(markdown.map((name) => path.join(CORPUS, name)).sort());
    expect(results.some((r) => r.fatalErrorCount > 0 || r.messages.some((m) => m.fatal))).toBe(false);

    const rows = new Map<string, { findings: number; errors: number; files: number }>();
    for (const result of results) {
      const seen = new Set<string>();
      for (const m of result.messages) {
        if (m.ruleId === null) continue;
        const row = rows.get(m.ruleId) ?? { findings: 0, errors: 0, files: 0 };
        row.findings++;
        if (m.severity === 2) row.errors++;
        if (!seen.has(m.ruleId)) row.files++;
        seen.add(m.ruleId);
        rows.set(m.ruleId, row);
        for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) expect(m[key]).toBeGreaterThanOrEqual(1);
      }
    }
    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    expect(run.code).toBe(errors > 0 ? 1 : 0);
    const clean = results.filter((r) => r.messages.length === 0).length;
    const width = Math.max(4, ...[...rows.keys()].map((id) => id.length));
    const table = [
      `Default configuration over ${results.length} public postmortems: ${errors} errors, ${warnings} warnings; ${clean} files with no finding.`,
      '',
      `| ${'rule'.padEnd(width)} | findings | errors | files |`,
      `| ${'-'.repeat(width)} | -------: | -----: | ----: |`,
      ...[...rows.entries()]
        .sort((a, b) => b[1].findings - a[1].findings || a[0].localeCompare(b[0]))
        .map(
          ([id, row]) => `| ${id.padEnd(width)} | ${String(row.findings).padStart(8)} | ${String(row.errors).padStart(6)} | ${String(row.files).padStart(5)} |`,
        ),
    ].join('\n');
    console.log(table);
  });
});
