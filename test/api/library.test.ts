// The library API (src/index.ts): what a program that imports 'hindsight-postmortems' gets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, inspectText, isPostmortemPath, lintFiles, lintText, loadConfig } from '../../src/index.ts';
import { NOW, ORDER_PLACE, OUT_OF_ORDER, temporaryFolders } from './postmortem.ts';

const folder = temporaryFolders('hindsight-api-');

describe('lintText', () => {
  it('reports findings in the JSON output shape, with rule ids, severities and positions', async () => {
    const cwd = folder({});
    const result = await lintText(OUT_OF_ORDER, { cwd, filePath: 'postmortems/payments.md', now: NOW });
    expect(result.filePath).toBe(path.join(cwd, 'postmortems', 'payments.md'));
    const order = result.messages.find((m) => m.ruleId === 'timeline-order');
    expect(order).toMatchObject({
      severity: 2,
      line: ORDER_PLACE.start.line,
      column: ORDER_PLACE.start.column,
      endLine: ORDER_PLACE.end.line,
      endColumn: ORDER_PLACE.end.column,
    });
    expect(order!.message).toContain('14:05 UTC');
    const severity = result.messages.find((m) => m.ruleId === 'frontmatter-schema')!;
    expect(severity.fix).toEqual({ range: [OUT_OF_ORDER.indexOf('sev2'), OUT_OF_ORDER.indexOf('sev2') + 4], text: 'SEV2' });
    expect(result.errorCount).toBe(result.messages.filter((m) => m.severity === 2).length);
    expect(result.fixableErrorCount).toBe(1);
  });

  it('applies the safe fixes to the text with `fix`, and writes nothing', async () => {
    const cwd = folder({ 'payments.md': OUT_OF_ORDER });
    const result = await lintText(OUT_OF_ORDER, { cwd, filePath: 'payments.md', fix: true, now: NOW });
    expect(result.output).toBe(OUT_OF_ORDER.replace('severity: sev2', 'severity: SEV2'));
    expect(result.messages.map((m) => m.ruleId)).not.toContain('frontmatter-schema');
    expect(readFileSync(path.join(cwd, 'payments.md'), 'utf8')).toBe(OUT_OF_ORDER);
  });

  it("uses the configuration nearest the file's folder, not the process's", async () => {
    const cwd = folder({ 'team/hindsight.config.json': JSON.stringify({ rules: { 'timeline-order': 'warn' } }) });
    const inTeam = await lintText(OUT_OF_ORDER, { cwd, filePath: 'team/postmortems/p.md', now: NOW });
    const elsewhere = await lintText(OUT_OF_ORDER, { cwd, filePath: 'other/p.md', now: NOW });
    expect(inTeam.messages.find((m) => m.ruleId === 'timeline-order')?.severity).toBe(1);
    expect(elsewhere.messages.find((m) => m.ruleId === 'timeline-order')?.severity).toBe(2);
  });

  it('lints as lintFiles (and so `hindsight lint`) lints the file holding the same text', async () => {
    const cwd = folder({ 'postmortems/a.md': OUT_OF_ORDER, 'postmortems/b.md': OUT_OF_ORDER.replace('14:05', '14:25') });
    const files = await lintFiles([], { cwd, now: NOW });
    expect(files.map((r) => path.basename(r.filePath))).toEqual(['a.md', 'b.md']);
    for (const fromFile of files) {
      const fromText = await lintText(readFileSync(fromFile.filePath, 'utf8'), { cwd, filePath: fromFile.filePath, now: NOW });
      expect(fromText).toEqual(fromFile);
    }
    expect(files[0]!.messages.map((m) => m.ruleId)).toContain('timeline-order');
  });
});

describe('loadConfig', () => {
  it('resolves the nearest configuration over its preset, and lintText takes it back', async () => {
    const cwd = folder({ 'hindsight.config.json': JSON.stringify({ extends: 'strict', timezone: 'UTC', rules: { 'no-pii': 'off' } }) });
    const config = await loadConfig({ cwd });
    expect(config).toMatchObject({
      file: path.join(cwd, 'hindsight.config.json'),
      root: cwd,
      preset: 'strict',
      timezone: 'UTC',
      content: path.join(cwd, 'postmortems'),
    });
    expect(config.rules['no-pii']?.severity).toBe('off');
    expect(config.rules['timeline-order']?.severity).toBe('error');
    const result = await lintText(OUT_OF_ORDER, { config, now: NOW });
    expect(result.messages.some((m) => m.ruleId === 'timeline-order')).toBe(true);
  });

  it('gives copies of the rule options: changing them changes nothing the rules run with', async () => {
    const cwd = folder({ 'hindsight.config.json': JSON.stringify({ extends: 'alx' }) });
    const config = await loadConfig({ cwd });
    const before = await lintText(OUT_OF_ORDER, { config, now: NOW });
    expect(before.messages.some((m) => m.ruleId === 'word-count')).toBe(true);
    (config.rules['word-count']!.options as Record<string, unknown>).min = 0;
    expect(await lintText(OUT_OF_ORDER, { config, now: NOW })).toEqual(before);
  });

  it('without a configuration up from the file, gives the defaults with the content folder in cwd, as the command line does', async () => {
    const cwd = folder({});
    const config = await loadConfig({ cwd, filePath: 'postmortems/2025/p.md' });
    expect(config).toMatchObject({ file: null, root: cwd, preset: 'recommended', content: path.join(cwd, 'postmortems') });
  });

  it('throws a ConfigError (exit code 2) that names the file and the problem', async () => {
    const cwd = folder({ 'hindsight.config.json': JSON.stringify({ rules: { 'timeline-order': 'loud' } }) });
    const error = await loadConfig({ cwd }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    expect((error as Error).message).toContain(path.join(cwd, 'hindsight.config.json'));
    expect((error as Error).message).toContain('timeline-order');
  });

  it('refuses a configuration it did not make', async () => {
    const fake = { file: null, root: '/', preset: 'recommended', content: '/', timezone: null, rules: {} };
    await expect(lintText(OUT_OF_ORDER, { config: fake })).rejects.toThrow(/returned by loadConfig/);
  });
});

describe('isPostmortemPath', () => {
  it('holds for the Markdown files `hindsight lint` lints: in the content folder, not ignored', async () => {
    const cwd = folder({
      'hindsight.config.json': JSON.stringify({ content: 'incidents', ignore: ['incidents/drafts/**'] }),
      '.gitignore': 'incidents/private/\n',
      'incidents/2025/a.md': OUT_OF_ORDER,
      'incidents/drafts/b.md': OUT_OF_ORDER,
      'incidents/private/c.md': OUT_OF_ORDER,
      'incidents/notes.txt': 'notes',
      'README.md': '# Team',
    });
    const verdicts = Object.fromEntries(
      await Promise.all(
        [
          'incidents/2025/a.md',
          'incidents/not-yet-saved.md',
          'incidents/drafts/b.md',
          'incidents/private/c.md',
          'incidents/notes.txt',
          'README.md',
          'docs/x.md',
        ].map(async (file) => [file, await isPostmortemPath(file, { cwd })] as const),
      ),
    );
    expect(verdicts).toEqual({
      'incidents/2025/a.md': true,
      'incidents/not-yet-saved.md': true,
      'incidents/drafts/b.md': false,
      'incidents/private/c.md': false,
      'incidents/notes.txt': false,
      'README.md': false,
      'docs/x.md': false,
    });
  });
});

describe('inspectText', () => {
  it('gives the model in the inspect JSON shape', async () => {
    const model = await inspectText(OUT_OF_ORDER, { cwd: folder({}), filePath: 'p.md' });
    expect(model.title).toBe('Payments API returned errors');
    expect(model.frontmatter).toEqual({ severity: 'sev2' });
    expect(model.incident).toMatchObject({ start: '2025-02-03T14:00:00Z', end: '2025-02-03T15:10:00Z' });
    expect(model.timeline.map((e) => [e.line, e.time])).toEqual([
      [12, '2025-02-03T14:00:00Z'],
      [13, '2025-02-03T14:20:00Z'],
      [14, '2025-02-03T14:05:00Z'],
      [15, '2025-02-03T15:10:00Z'],
    ]);
    expect(model.sections.map((s) => s.kind)).toEqual(['summary', 'timeline', 'root-cause', 'corrective-measures']);
    expect(model.actionItems[0]).toMatchObject({ owner: '@kim', ticket: 'PAY-88', due: '2099-03-01', done: false });
  });

  it('throws a one-line error for text it cannot read as a postmortem', async () => {
    await expect(inspectText('a\u0000b'.repeat(10), { cwd: folder({}) })).rejects.toThrow(/^cannot inspect /);
  });
});
