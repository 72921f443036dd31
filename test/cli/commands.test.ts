// `hindsight rules`, `hindsight inspect`, --version and --help through the process, in the
// shapes ../shared/interfaces.md fixes.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { INTERFACE_RULE_IDS } from '../helpers/interface-rule-ids.ts';
import { CLEAN, expectNoStackTrace, expectOneParagraph, hindsight, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

const INTERFACES = fileURLToPath(new URL('../../../shared/interfaces.md', import.meta.url));

const SAMPLE = fileURLToPath(new URL('../../postmortems/2025-08-14-notifications-log-volume-full.md', import.meta.url));
const package_ = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe.concurrent('other commands', () => {
  const root = project({ 'postmortems/a.md': CLEAN, 'postmortems/binary.md': '# x\n\0\n', 'postmortems/empty.md': '' });

  it('the list of rule ids here is the one in interfaces.md', () => {
    if (!existsSync(INTERFACES)) return;
    const text = readFileSync(INTERFACES, 'utf8');
    const table = text.slice(text.indexOf('## Rule ids'));
    const ids = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(ids.sort()).toEqual([...INTERFACE_RULE_IDS].sort());
  });

  it('rules --format json: [{id, description, severity, fixable, options}] with every rule id of interfaces.md', async () => {
    const run = await hindsight(['rules', '--format', 'json'], root);
    expect(run.code).toBe(0);
    expectNoStackTrace(run.stderr);
    const rules = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining([...INTERFACE_RULE_IDS]));
    for (const rule of rules) {
      expect(rule).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^[a-z][a-z-]*$/),
          description: expect.any(String),
          severity: expect.stringMatching(/^(error|warn|off)$/),
          fixable: expect.any(Boolean),
          options: expect.objectContaining({ type: 'object' }),
        }),
      );
    }
    expect(rules.find((r) => r.id === 'frontmatter-schema')).toMatchObject({ severity: 'error', fixable: true });
    expect(rules.find((r) => r.id === 'canonical-headings')).toMatchObject({ severity: 'off', fixable: true });
    expect(rules.find((r) => r.id === 'directives')).toBeDefined();
  });

  it('inspect FILE --format json: the interfaces.md shape', async () => {
    const run = await hindsight(['inspect', SAMPLE, '--format', 'json'], root);
    expect(run.code).toBe(0);
    expectNoStackTrace(run.stderr);
    const model = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(model).toMatchObject({
      filePath: SAMPLE,
      title: 'Courier ETA notifications delayed after the log volume filled on notification hosts',
      frontmatter: expect.objectContaining({ severity: 'SEV4' }),
      incident: { start: '2025-08-14T09:15:00Z', end: '2025-08-14T10:02:00Z', timezone: 'UTC' },
    });
    const sections = model.sections as Record<string, unknown>[];
    expect(sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['summary', 'impact', 'timeline', 'root-cause', 'resolution', 'corrective-measures']));
    for (const s of sections) expect(s).toEqual(expect.objectContaining({ kind: expect.any(String), heading: expect.any(String), line: expect.any(Number) }));
    const timeline = model.timeline as Record<string, unknown>[];
    expect(timeline[0]).toMatchObject({ line: expect.any(Number), time: '2025-08-14T09:15:00Z', text: expect.stringContaining('/var/log') });
    for (const entry of timeline)
      expect(entry.time === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/.test(String(entry.time))).toBe(true);
    const items = model.actionItems as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['line', 'text', 'owner', 'ticket', 'due', 'done']));
      expect(typeof item.done).toBe('boolean');
    }
  });

  it('inspect: a missing file or a bad --timezone is exit 2 with one paragraph', async () => {
    const [missing, zone] = await Promise.all([
      hindsight(['inspect', 'postmortems/nope.md', '--format', 'json'], root),
      hindsight(['inspect', 'postmortems/a.md', '--timezone', 'Moon/Base'], root),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`cannot read ${root}/postmortems/nope.md: no such file.`);
    expectOneParagraph(missing.stderr);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('--timezone "Moon/Base" is not a time zone');
    expectOneParagraph(zone.stderr);
  });

  it('inspect: a file the parser does not read (binary, past a limit) is exit 2 and why; an empty file has an empty model', async () => {
    const [binary, empty] = await Promise.all([
      hindsight(['inspect', 'postmortems/binary.md', '--format', 'json'], root),
      hindsight(['inspect', 'postmortems/empty.md', '--format', 'json'], root),
    ]);
    expect(binary.code).toBe(2);
    expect(binary.stdout).toBe('');
    expect(binary.stderr).toContain(
      `cannot inspect ${root}/postmortems/binary.md: This file is binary, not Markdown text (it holds a NUL character at line 2, column 1)`,
    );
    expectOneParagraph(binary.stderr);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ title: null, sections: [], timeline: [], actionItems: [] });
  });

  it('--version and --help exit 0', async () => {
    const [version, short, help, lintHelp] = await Promise.all([
      hindsight(['--version'], root),
      hindsight(['-v'], root),
      hindsight(['--help'], root),
      hindsight(['lint', '--help'], root),
    ]);
    expect(version).toEqual({ code: 0, stdout: `${package_.version}\n`, stderr: '' });
    expect(short.stdout).toBe(`${package_.version}\n`);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: hindsight/);
    for (const command of ['lint', 'inspect', 'rules']) expect(help.stdout).toContain(command);
    expect(lintHelp.code).toBe(0);
    for (const option of ['--format', '--config', '--fix', '--max-warnings', '--quiet', '--no-color', '--cache', '--timing'])
      expect(lintHelp.stdout).toContain(option);
  });
});
