// The four output formats of `hindsight lint`, read from the real process's stdout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, WARN, expectNoStackTrace, hindsight, hindsightIntoClosedPipe, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

const addFormats = addFormatsModule.default;
const sarifSchema = JSON.parse(readFileSync(new URL('../report/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const ANSI = /\u001b\[[0-9;]*m/;

describe.concurrent('lint output formats through the process', () => {
  const root = project({
    'postmortems/2024-03-02-clean.md': CLEAN,
    'postmortems/2024-03-03-warn.md': WARN,
    'postmortems/archive/2023-01-01-error.md': ERROR,
  });
  const files = ['postmortems/2024-03-02-clean.md', 'postmortems/2024-03-03-warn.md', 'postmortems/archive/2023-01-01-error.md'];

  it('stylish: paths relative to the working directory, rows, a summary, no ANSI when not a terminal', async () => {
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(ANSI);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('postmortems/2024-03-03-warn.md');
    expect(lines).toContain('postmortems/archive/2023-01-01-error.md');
    expect(run.stdout).not.toContain(root);
    expect(run.stdout).not.toContain('2024-03-02-clean.md');
    expect(run.stdout).toMatch(/^ {2}21:29 {2}warning {2}"Ana should have" judges with hindsight.* {2}blameless-language$/m);
    expect(run.stdout).toMatch(/^ {2}17:3 {2}error {2}09:05 \(line 17\) is earlier than 09:10 on line 16.* {2}timeline-order$/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 2 problems (1 error, 1 warning)');
    expectNoStackTrace(run.stderr);
  });

  it('stylish: relative to a nested working directory too', async () => {
    const run = await hindsight(['lint', '..'], path.join(root, 'postmortems', 'archive'));
    expect(run.stdout.split('\n')).toContain('2023-01-01-error.md');
    expect(run.stdout.split('\n')).toContain('../2024-03-03-warn.md');
  });

  it('stylish: --no-color has no ANSI, --color (or FORCE_COLOR) has it even into a pipe', async () => {
    const [plain, colored, forced] = await Promise.all([
      hindsight(['lint', '--no-color'], root, { FORCE_COLOR: '1' }),
      hindsight(['lint', '--color'], root),
      hindsight(['lint'], root, { FORCE_COLOR: '1' }),
    ]);
    expect(plain.stdout).not.toMatch(ANSI);
    expect(colored.stdout).toMatch(ANSI);
    expect(colored.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
    expect(forced.stdout).toBe(colored.stdout);
  });

  it('a reader that closes the pipe early is no crash', async () => {
    const many = project(Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`postmortems/${String(i).padStart(3, '0')}.md`, WARN])));
    const run = await hindsightIntoClosedPipe(['lint', '--format', 'sarif'], many);
    expect(run.code).toBe(0);
    expectNoStackTrace(run.stderr);
    expect(run.stderr).toBe('');
  });

  it("json: ESLint's shape, every file listed with absolute paths", async () => {
    const run = await hindsight(['lint', '--format', 'json'], root);
    expect(run.code).toBe(1);
    const results = parseJson(run.stdout);
    expect(results.map((r) => r.filePath).sort()).toEqual(files.map((f) => path.join(root, f)).sort());
    for (const result of results) {
      expect(Object.keys(result)).toEqual(expect.arrayContaining(['filePath', 'errorCount', 'warningCount', 'messages']));
      expect(path.isAbsolute(result.filePath)).toBe(true);
      expect(result.errorCount).toBe(result.messages.filter((m) => m.severity === 2).length);
      expect(result.warningCount).toBe(result.messages.filter((m) => m.severity === 1).length);
      for (const m of result.messages) {
        expect(Object.keys(m)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']));
        for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) expect(m[key]).toBeGreaterThanOrEqual(1);
      }
    }
    const byName = new Map(results.map((r) => [path.basename(r.filePath), r]));
    expect(byName.get('2024-03-02-clean.md')).toMatchObject({ errorCount: 0, warningCount: 0, messages: [] });
    expect(byName.get('2024-03-03-warn.md')!.messages).toEqual([
      {
        ruleId: 'blameless-language',
        severity: 1,
        message: expect.stringContaining('"Ana should have"'),
        messageId: 'hindsight',
        line: 21,
        column: 29,
        endLine: 21,
        endColumn: 44,
      },
    ]);
    expect(byName.get('2023-01-01-error.md')!.messages).toEqual([
      {
        ruleId: 'timeline-order',
        severity: 2,
        message: expect.stringContaining('09:05 (line 17)'),
        messageId: 'earlier',
        line: 17,
        column: 3,
        endLine: 17,
        endColumn: expect.any(Number),
      },
    ]);
  });

  it('sarif: valid against the official SARIF 2.1.0 schema, every file an artifact', async () => {
    const run = await hindsight(['lint', '--format', 'sarif'], root);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as Log;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    const sarifRun = log.runs[0]!;
    expect(sarifRun.tool.driver.name).toBe('Hindsight');
    expect(sarifRun.artifacts!.map((a) => a.location!.uri).sort()).toEqual([...files].sort());
    expect(
      sarifRun.results!.map((r) => [
        r.ruleId,
        r.level,
        r.locations![0]!.physicalLocation!.artifactLocation!.uri,
        r.locations![0]!.physicalLocation!.region!.startLine,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['blameless-language', 'warning', 'postmortems/2024-03-03-warn.md', 21],
        ['timeline-order', 'error', 'postmortems/archive/2023-01-01-error.md', 17],
      ]),
    );
    expect(sarifRun.results).toHaveLength(2);
    expect(sarifRun.originalUriBaseIds!['%SRCROOT%']!.uri).toBe(`file://${root}/`);
  });

  it('github: one workflow command per finding and nothing else', async () => {
    const run = await hindsight(['lint', '--format', 'github'], root);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S.*$/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::warning file=postmortems\/2024-03-03-warn\.md,line=21,col=29,endLine=21,endColumn=44,title=blameless-language::"Ana should have"/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=postmortems\/archive\/2023-01-01-error\.md,line=17,col=3,.*title=timeline-order::09:05/));
  });
});
