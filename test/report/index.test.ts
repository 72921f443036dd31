import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FORMATS, errorsOnly, isFormatName, loadFormatter, type FormatContext } from '../../src/report/index.ts';
import { cwd, fixtureResults, fixtureRules } from './fixtures.ts';

const context: FormatContext = { cwd, color: false, quiet: false, rules: fixtureRules(), version: '1.2.3' };

describe('loadFormatter', () => {
  it('knows the four formats', () => {
    expect(FORMATS).toEqual(['stylish', 'json', 'sarif', 'github']);
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('checkstyle')).toBe(false);
  });

  it('returns a formatter for each format with one calling convention', async () => {
    const out = Object.fromEntries(await Promise.all(FORMATS.map(async (name) => [name, (await loadFormatter(name))(fixtureResults(), context)] as const)));
    expect(out.stylish).toContain('✖ 4 problems (2 errors, 2 warnings)');
    expect(JSON.parse(out.json!)).toHaveLength(3);
    expect(JSON.parse(out.sarif!)).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Hindsight', version: '1.2.3' } } }] });
    expect(out.github!.split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('passes oneLine to stylish', async () => {
    const out = (await loadFormatter('stylish'))(fixtureResults(), { ...context, oneLine: true });
    expect(out.split('\n')[0]).toMatch(/2023-05-10-db\.md:1:1: error Missing section: Timeline\. \(required-sections\)$/);
  });

  it('leaves warnings out of every format when quiet', async () => {
    const quiet = { ...context, quiet: true };
    const json = JSON.parse((await loadFormatter('json'))(fixtureResults(), quiet)) as {
      warningCount: number;
      fixableWarningCount: number;
      messages: { severity: number }[];
    }[];
    expect(json.flatMap((r) => r.messages.map((m) => m.severity))).toEqual([2, 2]);
    expect(json.map((r) => r.warningCount + r.fixableWarningCount)).toEqual([0, 0, 0]);
    const sarif = JSON.parse((await loadFormatter('sarif'))(fixtureResults(), quiet)) as { runs: { results: { level: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.level)).toEqual(['error', 'error']);
    expect((await loadFormatter('github'))(fixtureResults(), quiet)).not.toContain('::warning');
    expect((await loadFormatter('stylish'))(fixtureResults(), quiet)).not.toContain('warning  ');
    expect(errorsOnly(fixtureResults())[2]!.messages).toEqual([]);
  });

  it('rejects an unknown format name', async () => {
    await expect(loadFormatter('checkstyle' as never)).rejects.toThrow(/Unknown format "checkstyle"/);
  });

  it('imports only the chosen formatter module', () => {
    const script = `
      import { registerHooks } from 'node:module';
      const loaded = [];
      registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
      const { loadFormatter } = await import(${JSON.stringify(new URL('../../src/report/index.ts', import.meta.url).href)});
      await loadFormatter('github');
      console.log(JSON.stringify(loaded.filter((u) => u.includes('/src/report/')).map((u) => u.slice(u.lastIndexOf('/') + 1))));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['index.ts', 'github.ts', 'terminal.ts']);
  });
});
