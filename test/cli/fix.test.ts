// `hindsight lint --fix` through the process: files are rewritten in place with only the
// fixed spans changed, and the exit code reflects what is left.
import { chmodSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLEAN,
  ERROR,
  FIXABLE,
  expectNoStackTrace,
  expectOneParagraph,
  hindsight,
  parseJson,
  permissionsUntestable,
  project,
  removeOtherUser,
  removeProjects,
  asOtherUser,
} from './helpers.ts';

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

  it('keeps invalid UTF-8 bytes exactly: only the fixed span changes', async () => {
    // A Latin-1 "é", a stray 0xFF and a cut-short sequence, in the root cause's prose.
    const [before, after] = FIXABLE.split('stopped writes.');
    const invalid = Buffer.from([0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xe2, 0x82, 0x2e]);
    const original = Buffer.concat([Buffer.from(before!), Buffer.from('stopped writes.'), invalid, Buffer.from(after!)]);
    const root = project({ 'postmortems/a.md': '' });
    const file = path.join(root, 'postmortems/a.md');
    writeFileSync(file, original);
    const run = await hindsight(['lint', '--fix'], root);
    expectNoStackTrace(run.stderr);
    expect(readFileSync(file)).toEqual(Buffer.from(original.toString('latin1').replace('severity: sev2', 'severity: SEV2'), 'latin1'));
  });

  it('a read-only file: exit 2, one paragraph that says so, the file unchanged', async () => {
    const root = project({ 'postmortems/a.md': FIXABLE });
    const file = path.join(root, 'postmortems/a.md');
    chmodSync(file, 0o444);
    const run = await hindsight(['lint', '--fix'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Cannot write the fixed ${file}: it is read-only`);
    expect(run.stderr).toContain('chmod u+w');
    expectOneParagraph(run.stderr);
    expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('a file with a hard link: both names see the fix, still one file', async () => {
    const root = project({ 'postmortems/a.md': FIXABLE });
    const file = path.join(root, 'postmortems/a.md');
    const twin = path.join(root, 'published-copy.md');
    linkSync(file, twin);
    const run = await hindsight(['lint', '--fix', 'postmortems/a.md'], root);
    expect(run.code).toBe(0);
    expect(readFileSync(twin, 'utf8')).toBe(CLEAN);
    expect(statSync(file).ino).toBe(statSync(twin).ino);
    expect(statSync(file).nlink).toBe(2);
  });

  // Not as root, a folder of mode 555 is read-only for this user. As root (CI's containers),
  // the run is made as "nobody", for whom it is read-only too, with a Node and a copy of
  // Hindsight that nobody can reach wherever this checkout is (asOtherUser()).
  it.skipIf(permissionsUntestable() !== null)('a file it cannot write: exit 2, one paragraph, the original intact, no temporary file', async () => {
    const root = project({ 'postmortems/a.md': FIXABLE });
    const folder = path.join(root, 'postmortems');
    chmodSync(root, 0o755);
    // The file itself is writable to that user (a read-only file is refused before: see above).
    chmodSync(path.join(folder, 'a.md'), 0o666);
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
