// Fuzz of what a content folder can hold besides postmortems: random trees of regular files,
// folders, FIFOs, and symbolic links to devices that never end (/dev/zero, /dev/urandom) or
// hold nothing (/dev/null), to files and folders outside the content folder, to `/`, back up
// to a parent (a loop), to each other, and to nowhere. Whatever the tree, a lint run ends
// (nothing is opened that waits or never ends, no folder out of the content folder is walked),
// every postmortem reached inside the folder is linted, and everything else is one fatal
// finding that says why. 20 trees in `npm test`, 20 × HINDSIGHT_FUZZ in `npm run test:fuzz`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { lintRun } from '../../src/lint/run.ts';
import { CLEAN } from '../cli/helpers.ts';
import { FUZZ, SEED } from './helpers.ts';

const TREES = 20;

type Shape =
  | { kind: 'postmortem' }
  | { kind: 'fifo' }
  | { kind: 'device'; target: '/dev/zero' | '/dev/urandom' | '/dev/null' }
  | { kind: 'outside-file' }
  | { kind: 'outside-folder'; target: 'root' | 'project' }
  | { kind: 'link-to-sibling'; sibling: number }
  | { kind: 'dangling' }
  | { kind: 'folder'; children: Entry[] };
interface Entry {
  name: string;
  shape: Shape;
}

const name = fc.stringMatching(/^[a-z]{1,6}$/).map((n) => `${n}.md`);
const leaf: fc.Arbitrary<Shape> = fc.oneof(
  fc.constant<Shape>({ kind: 'postmortem' }),
  fc.constant<Shape>({ kind: 'fifo' }),
  fc.constantFrom('/dev/zero', '/dev/urandom', '/dev/null').map((target): Shape => ({ kind: 'device', target: target as '/dev/zero' })),
  fc.constant<Shape>({ kind: 'outside-file' }),
  fc.constantFrom('root', 'project').map((target): Shape => ({ kind: 'outside-folder', target: target as 'root' })),
  fc.nat({ max: 5 }).map((sibling): Shape => ({ kind: 'link-to-sibling', sibling })),
  fc.constant<Shape>({ kind: 'dangling' }),
);
const { tree } = fc.letrec<{ tree: Entry[]; shape: Shape }>((tie) => ({
  tree: fc.uniqueArray(fc.record({ name, shape: tie('shape') as fc.Arbitrary<Shape> }), { minLength: 1, maxLength: 6, selector: (e) => e.name }),
  shape: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    (tie('tree') as fc.Arbitrary<Entry[]>).map((children): Shape => ({ kind: 'folder', children })),
  ),
}));

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Builds the tree under `folder`; returns, for each path a run must report, what it must say ('' for a clean postmortem). */
function build(folder: string, entries: Entry[], project: string, expected: Map<string, string>): void {
  mkdirSync(folder, { recursive: true });
  // Regular postmortems first, so that links to siblings have something to point at.
  entries.forEach((entry) => {
    const at = path.join(folder, entry.name);
    const shape = entry.shape;
    switch (shape.kind) {
      case 'postmortem':
        writeFileSync(at, CLEAN);
        expected.set(at, '');
        break;
      case 'fifo':
        expect(spawnSync('mkfifo', [at]).status).toBe(0);
        expected.set(at, 'it is a named pipe (FIFO), not a regular file');
        break;
      case 'device':
        symlinkSync(shape.target, at);
        expected.set(at, `it is a symbolic link to ${shape.target}, which is a device, not a regular file`);
        break;
      case 'outside-file':
        symlinkSync(path.join(project, 'secret.txt'), at);
        expected.set(at, `it is a symbolic link to ${path.join(project, 'secret.txt')}, outside`);
        break;
      case 'outside-folder': {
        const target = shape.target === 'root' ? '/' : project;
        symlinkSync(target, at);
        expected.set(at, `it is a symbolic link to ${target}, outside`);
        break;
      }
      case 'dangling':
        symlinkSync('nowhere-at-all.md', at);
        expected.set(at, 'which does not exist');
        break;
      case 'folder':
        build(at, shape.children, project, expected);
        break;
      case 'link-to-sibling':
        break;
    }
  });
  // Links to a sibling: a postmortem (linted again under this name), a folder inside (walked
  // once), anything else (reported as it is), or itself (a loop).
  const siblingOf = (entry: Entry): Entry => entries[(entry.shape as { sibling: number }).sibling % entries.length]!;
  entries.forEach((entry) => {
    if (entry.shape.kind !== 'link-to-sibling') return;
    const at = path.join(folder, entry.name);
    symlinkSync(siblingOf(entry).name, at);
    // Through links to links, to the first entry that is not one; a loop when there is none.
    let sibling = siblingOf(entry);
    const seen = new Set([entry]);
    while (sibling.shape.kind === 'link-to-sibling' && !seen.has(sibling)) {
      seen.add(sibling);
      sibling = siblingOf(sibling);
    }
    if (sibling.shape.kind === 'link-to-sibling') expected.set(at, 'a loop');
    else if (sibling.shape.kind === 'postmortem') expected.set(at, '');
    else if (sibling.shape.kind === 'folder') {
      // Walked once, under whichever name comes first: its postmortems are expected under the real one.
    } else if (sibling.shape.kind === 'device') expected.set(at, `which is a device, not a regular file`);
    else if (sibling.shape.kind === 'fifo') expected.set(at, `which is a named pipe (FIFO), not a regular file`);
    else if (sibling.shape.kind === 'outside-file' || sibling.shape.kind === 'outside-folder') expected.set(at, 'outside');
    else expected.set(at, 'does not exist');
  });
}

describe.skipIf(process.platform === 'win32')('fuzz: content folders holding links to devices, FIFOs and links out', () => {
  it(`every run ends; postmortems are linted, everything else is one fatal finding that says why (${TREES * FUZZ} trees)`, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(tree, async (entries) => {
        const project = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-fuzz-files-')));
        made.push(project);
        writeFileSync(path.join(project, 'secret.txt'), 'not for the linter\n');
        // The cross-file rules off: their index is tested on its own (files.test.ts).
        writeFileSync(path.join(project, 'hindsight.config.json'), JSON.stringify({ rules: { 'unique-id': 'off', 'related-links': 'off' } }));
        const expected = new Map<string, string>();
        build(path.join(project, 'postmortems'), entries, project, expected);
        const run = await lintRun({ cwd: project, now: new Date('2024-04-01T00:00:00Z') });
        const got = new Map(run.results.map((r) => [r.filePath, r.messages]));
        for (const [file, says] of expected) {
          // A file under a folder reached twice is listed under one name only.
          if (!got.has(file)) continue;
          const messages = got.get(file)!;
          if (says === '') expect(messages, file).toEqual([]);
          else {
            expect(messages, file).toHaveLength(1);
            expect(messages[0], file).toMatchObject({ ruleId: 'fatal', severity: 2 });
            expect(messages[0]!.message, file).toContain(says);
          }
        }
        // Nothing outside the project was listed, and every regular postmortem was, under one of its names.
        expect(run.results.every((r) => r.filePath.startsWith(project + path.sep))).toBe(true);
        const reached = new Set(run.results.filter((r) => r.messages.length === 0).map((r) => realpathSync(r.filePath)));
        for (const [file, says] of expected) if (says === '') expect(reached.has(realpathSync(file)), file).toBe(true);
        rmSync(project, { recursive: true, force: true });
        runs++;
      }),
      { numRuns: TREES * FUZZ, seed: SEED },
    );
    expect(runs).toBe(TREES * FUZZ);
  });
});
