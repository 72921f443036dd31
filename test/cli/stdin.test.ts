// `hindsight lint --stdin [--stdin-filename PATH] [--fix]`: standard input linted as a file,
// through the process, as an editor or a script pipes a postmortem in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, FIXABLE, WARN, expectOneParagraph, parseJson, project, removeProjects } from './helpers.ts';
import { hindsightWithInput } from './stdin-helper.ts';

afterAll(removeProjects);

describe('lint --stdin', () => {
  it('lints the text piped in and reports it as <stdin>, with the exit code of its findings', async () => {
    const cwd = project({});
    const run = await hindsightWithInput(['lint', '--stdin', '--format', 'json'], cwd, ERROR);
    expect(run.code).toBe(1);
    const [result] = parseJson(run.stdout);
    expect(result!.filePath).toBe('<stdin>');
    expect(result!.messages.map((m) => [m.ruleId, m.line])).toEqual([['timeline-order', 17]]);

    const clean = await hindsightWithInput(['lint', '--stdin'], cwd, CLEAN);
    expect(clean).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('--stdin-filename names it, and the configuration and overrides that apply to that path apply', async () => {
    const cwd = project({
      'team/hindsight.config.json': JSON.stringify({ rules: { 'blameless-language': 'error' } }),
      'team/postmortems/.keep': '',
    });
    const named = await hindsightWithInput(['lint', '--stdin', '--stdin-filename', 'team/postmortems/new.md', '--format', 'json'], cwd, WARN);
    expect(named.code).toBe(1);
    const [result] = parseJson(named.stdout);
    expect(result!.filePath).toBe(path.join(cwd, 'team/postmortems/new.md'));
    expect(result!.messages).toEqual([expect.objectContaining({ ruleId: 'blameless-language', severity: 2 })]);

    // Elsewhere, the defaults: the same text is a warning.
    const elsewhere = await hindsightWithInput(['lint', '--stdin', '--stdin-filename', 'other/new.md'], cwd, WARN);
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stdout).toContain('other/new.md');
  });

  it('--fix prints the whole fixed text on stdout, the report on stderr, and writes no file', async () => {
    const cwd = project({ 'postmortems/a.md': FIXABLE });
    const run = await hindsightWithInput(['lint', '--stdin', '--fix', '--stdin-filename', 'postmortems/a.md'], cwd, FIXABLE);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(FIXABLE.replace('severity: sev2', 'severity: SEV2'));
    expect(run.stderr).toBe('');
    expect(readFileSync(path.join(cwd, 'postmortems/a.md'), 'utf8')).toBe(FIXABLE);

    // What is left is reported on stderr; the text comes back byte for byte when nothing is fixed.
    const left = await hindsightWithInput(['lint', '--stdin', '--fix'], cwd, ERROR);
    expect(left.code).toBe(1);
    expect(left.stdout).toBe(ERROR);
    expect(left.stderr).toContain('timeline-order');
  });

  it('text that is not UTF-8 is exit code 2 with one paragraph that says which byte', async () => {
    const bytes = Buffer.concat([Buffer.from('# Outage\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' closed\n')]);
    const run = await hindsightWithInput(['lint', '--stdin'], project({}), bytes);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toContain('standard input is not UTF-8 text (byte 14 of 22, 0xe9');
    expect(run.stdout).toBe('');
  });

  it('input past the size limit is exit code 2, read no further than the limit', async () => {
    const run = await hindsightWithInput(['lint', '--stdin'], project({}), Buffer.alloc(6 * 1024 * 1024, 'a'));
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toMatch(/standard input is larger than 5\.0 MB/);
  });

  it('a binary text is the one fatal finding a binary file gets (exit code 1)', async () => {
    const run = await hindsightWithInput(['lint', '--stdin', '--format', 'json'], project({}), '\u0000\u0001binary');
    expect(run.code).toBe(1);
    const [result] = parseJson(run.stdout);
    expect(result!.messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, severity: 2 })]);
  });

  it.each([
    [['lint', '--stdin', 'postmortems/a.md'], /--stdin lints standard input only/],
    [['lint', '--stdin-filename', 'a.md'], /--stdin-filename names the text read with --stdin/],
    [['lint', '--stdin', '--baseline-write', 'b.json'], /--baseline-write records the findings of files on disk/],
  ])('%j is a usage error (exit code 2)', async (args, says) => {
    const run = await hindsightWithInput(args, project({}), CLEAN);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toMatch(says);
  });
});
