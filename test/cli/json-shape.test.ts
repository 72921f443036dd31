// `lint --format json` in ESLint's complete shape: the counts, fatal messages without a rule
// id, the findings disable comments and the baseline silenced, `source` when asked for; and
// `--no-inline-config`, under which disable comments silence nothing.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, WARN, hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

/** ERROR with its out-of-order entry excused by a comment that gives a reason. */
const EXCUSED = ERROR.replace(
  '- 09:05 Failover started',
  '<!-- hindsight-disable-next-line timeline-order -- the host clock ran late -->\n- 09:05 Failover started',
);

describe('lint --format json', () => {
  it("gives every result ESLint's fields, and no source unless asked", async () => {
    const cwd = project({ 'postmortems/a.md': CLEAN });
    const [result] = parseJson((await hindsight(['lint', '-f', 'json'], cwd)).stdout);
    expect(result).toEqual({
      filePath: path.join(cwd, 'postmortems/a.md'),
      errorCount: 0,
      warningCount: 0,
      messages: [],
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fatalErrorCount: 0,
      suppressedMessages: [],
      usedDeprecatedRules: [],
    });
  });

  it('a file the parser refused has one message with fatal: true and ruleId: null, counted in fatalErrorCount', async () => {
    const cwd = project({ 'postmortems/a.md': CLEAN, 'postmortems/empty.md': '' });
    const run = await hindsight(['lint', '-f', 'json'], cwd);
    expect(run.code).toBe(1);
    const empty = parseJson(run.stdout).find((r) => r.filePath.endsWith('empty.md'))!;
    expect(empty).toMatchObject({ errorCount: 1, fatalErrorCount: 1 });
    expect(empty.messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, severity: 2, line: 1, column: 1 })]);
    expect(empty.messages[0]!.message).toMatch(/This file is empty/);
  });

  it('lists the findings a disable comment silenced, with its reason, apart from the counted ones', async () => {
    const cwd = project({ 'postmortems/a.md': EXCUSED });
    const run = await hindsight(['lint', '-f', 'json'], cwd);
    expect(run.code).toBe(0);
    const [result] = parseJson(run.stdout);
    expect(result).toMatchObject({ errorCount: 0, messages: [] });
    expect(result!.suppressedMessages).toEqual([
      expect.objectContaining({
        ruleId: 'timeline-order',
        severity: 2,
        line: 18,
        suppressions: [{ kind: 'directive', justification: 'the host clock ran late' }],
      }),
    ]);
    // From the cache too.
    await hindsight(['lint', '--cache'], cwd);
    const cached = parseJson((await hindsight(['lint', '-f', 'json', '--cache'], cwd)).stdout);
    expect(cached[0]!.suppressedMessages).toEqual(result!.suppressedMessages);
  });

  it('lists the findings the baseline left out as suppressed by it', async () => {
    const cwd = project({ 'postmortems/b.md': WARN });
    await hindsight(['lint', '--baseline-write', 'baseline.json'], cwd);
    const [result] = parseJson((await hindsight(['lint', '-f', 'json', '--baseline', 'baseline.json'], cwd)).stdout);
    expect(result).toMatchObject({ warningCount: 0, messages: [] });
    expect(result!.suppressedMessages).toEqual([
      expect.objectContaining({ ruleId: 'blameless-language', suppressions: [{ kind: 'baseline', justification: '' }] }),
    ]);
  });

  it("--include-source gives each file's text as source", async () => {
    const cwd = project({ 'postmortems/a.md': WARN });
    const [result] = parseJson((await hindsight(['lint', '-f', 'json', '--include-source'], cwd)).stdout);
    expect(result!.source).toBe(WARN);
  });
});

describe('lint --no-inline-config', () => {
  it('reports what disable comments would silence, and nothing about the comments themselves', async () => {
    const cwd = project({ 'postmortems/a.md': EXCUSED.replace('## Root Cause', '<!-- hindsight-disable-next-line no-such-rule -->\n## Root Cause') });
    const usual = await hindsight(['lint', '-f', 'json'], cwd);
    expect(parseJson(usual.stdout)[0]!.messages.map((m) => m.ruleId)).toEqual(['directives']);

    const run = await hindsight(['lint', '-f', 'json', '--no-inline-config'], cwd);
    expect(run.code).toBe(1);
    const [result] = parseJson(run.stdout);
    expect(result!.messages.map((m) => [m.ruleId, m.line])).toEqual([['timeline-order', 18]]);
    expect(result!.suppressedMessages).toEqual([]);
  });
});
