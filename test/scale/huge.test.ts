// Issue 6: a 5 MB postmortem with a 20,000-entry timeline is linted, not refused by the
// guard (src/core/guard/), and read in full. How long it takes is measured by the benchmark
// (`npm run bench -- scale`), not here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateHugePostmortem } from '../../bench/generate.ts';
import { GUARD_LIMITS } from '../../src/core/guard/index.ts';
import { loadConfig } from '../../src/lint/config/load.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { createLinter } from '../../src/lint/linter.ts';

const work = mkdtempSync(path.join(tmpdir(), 'hindsight-huge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a 5 MB postmortem with a 20,000-entry timeline', () => {
  // Under a loaded machine a 5 MB lint takes seconds: the generous default timeout, no timing.
  it('fits under the guard, and every entry is read and linted', async () => {
    const text = generateHugePostmortem(20_000, 5_000_000);
    const bytes = Buffer.byteLength(text);
    expect(bytes).toBeGreaterThanOrEqual(5_000_000);
    expect(bytes).toBeLessThanOrEqual(GUARD_LIMITS.maxBytes);
    expect(text.split('\n').length).toBeLessThan(GUARD_LIMITS.maxLines);

    const rules = await loadRules();
    const linter = createLinter(loadConfig({ cwd: work, configFile: null }, rules), rules, new Date('2026-11-21T12:00:00Z'));
    const { parsed, findings } = linter.lintWithModel(path.join(work, 'huge.md'), text);
    expect(findings.filter((f) => f.ruleId === 'fatal')).toEqual([]);
    expect(parsed.model.timeline).toHaveLength(20_000);
    expect(parsed.model.timeline.every((entry) => entry.time !== null)).toBe(true);
    // The entries are a minute apart within the stated window: nothing to report about them.
    expect(findings.map((f) => f.ruleId)).toEqual([]);
  });
});
