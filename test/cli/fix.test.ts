// `hindsight lint --fix` through the process: files are rewritten in place with only the
// fixed spans changed, and the exit code reflects what is left.
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, FIXABLE, expectNoStackTrace, expectOneParagraph, hindsight, parseJson, permissionsUntestable, project, removeOtherUser, removeProjects, asOtherUser } from './helpers.ts';

afterAll(removeProjects);
afterAll(removeOtherUser);

const CONFIG = JSON.stringify({ rules: { 'canonical-headings': 'warn' } });

/** A fixable severity and headings, in CRLF, with text around them that must not move. */
const MESSY = FIXABLE.replace('## Summary', '## 1. Issue Summary (short)')
  .replace('## Timeline', 'Timeline of Events 🕒\n---')
  .replace('## Root Cause\n', '## root cause ##\n\n```md\n## Issue Summary\nseverity: sev2\n```\n')
  .replace(/\n/g, '\r\n');
const MESSY_FIXED = CLEAN.replace('## Summary', '## 1. Summary (short)')
  .replace('## Timeline', 'Timeline 🕒\n---')
  .replace('## Root Cause\n', '## Root Cause ##\n\n```md\n## Issue Summary\nseverity: sev2\n```\n')
  .replace(/\n/g, '\r\n');

describe.concurrent('lint --fix', () => {
  it('rewrites each fixable file, keeps every other byte, exits 0 when nothing is left', async () => {
    const root = project({ 'hindsight.config.json': CONFIG, 'postmortems/messy.md': MESSY, 'postmortems/clean.md': CLEAN });
    const before = statSync(path.join(root, 'postmortems/clean.md')).mtimeMs;
    const run = await hindsight(['lint', '--fix', '--format', 'json'], root);
    expect(run.code).toBe(0);
    expectNoStackTrace(run.stderr);
    expect(readFileSync(path.join(root, 'postmortems/messy.md'), 'utf8')).toBe(MESSY_FIXED);
    const results = parseJson(run.stdout);
    const messy = results.find((r) => r.filePath.endsWith('messy.md'))!;
    expect(messy).toMatchObject({ errorCount: 0, warningCount: 0, messages: [], output: MESSY_FIXED });
    // An unchanged file is not written at all.
    expect(results.find((r) => r.filePath.endsWith('clean.md'))!.output).toBeUndefined();
    expect(statSync(path.join(root, 'postmortems/clean.md')).mtimeMs).toBe(before);
    expect(readdirSync(path.join(root, 'postmortems')).sort()).toEqual(['clean.md', 'messy.md']);

    // Fixing again changes nothing.
    const again = await hindsight(['lint', '--fix'], root);
    expect(again).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(root, 'postmortems/messy.md'), 'utf8')).toBe(MESSY_FIXED);
  });

  it('exits 1 when findings that cannot be fixed remain, and reports only those', async () => {
    const both = ERROR.replace('severity: SEV2', 'severity: Sev-2');
    const root = project({ 'postmortems/both.md': both });
    const run = await hindsight(['lint', '--fix'], root);
    expect(run.code).toBe(1);
    expect(readFileSync(path.join(root, 'postmortems/both.md'), 'utf8')).toBe(ERROR);
    expect(run.stdout).toContain('timeline-order');
    expect(run.stdout).not.toContain('frontmatter-schema');
    expect(run.stdout).toContain('(1 error, 0 warnings)');
  });

  it('without --fix, nothing is written and the fixable finding is reported', async () => {
    const root = project({ 'postmortems/a.md': FIXABLE });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 error and 0 warnings potentially fixable with the `--fix` option.');
    expect(readFileSync(path.join(root, 'postmortems/a.md'), 'utf8')).toBe(FIXABLE);
  });

  // Not as root, a folder of mode 555 is read-only for this user. As root (CI's containers),
  // the run is made as "nobody", for whom it is read-only too, with a Node and a copy of
  // Hindsight that nobody can reach wherever this checkout is (asOtherUser()).
  it.skipIf(permissionsUntestable() !== null)('a file it cannot write: exit 2, one paragraph, the original intact, no temporary file', async () => {
    const root = project({ 'postmortems/a.md': FIXABLE });
    const folder = path.join(root, 'postmortems');
    chmodSync(root, 0o755);
    chmodSync(folder, 0o555);
    try {
      const run = await hindsight(['lint', '--fix'], root, undefined, asOtherUser());
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Cannot write the fixed ${folder}/a.md: permission denied.`);
      expectOneParagraph(run.stderr);
      expect(readFileSync(path.join(folder, 'a.md'), 'utf8')).toBe(FIXABLE);
      expect(readdirSync(folder)).toEqual(['a.md']);
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});
