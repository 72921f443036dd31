// End-to-end helpers: the real `hindsight` command (bin/hindsight.js under this Node, which
// is Node 24 under vitest) run as a child process in throwaway projects under os.tmpdir().
import { execFile, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LintResult } from '../../src/index.ts';

export const CLI = fileURLToPath(new URL('../../bin/hindsight.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // (bin/hindsight.js turns on Node's compile cache itself: spawns after the first start faster.)
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The output must not depend on the environment the tests run in.
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.NODE_OPTIONS;
  return { ...env, ...extra };
}

/**
 * Runs `hindsight ARGS` in `cwd` and reads only the first chunk of its stdout, then closes
 * the pipe, as `hindsight … | head -1` does.
 */
export function hindsightIntoClosedPipe(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/**
 * Runs `hindsight ARGS` in `cwd`; never rejects (a non-zero exit is a result). `as`: another
 * user to run it as (see asOtherUser()), with the Node and the copy of Hindsight it can reach.
 */
export function hindsight(
  args: readonly string[],
  cwd: string,
  env?: Record<string, string>,
  options: { as?: OtherUser; timeout?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const as = options.as;
    const [node, cli, user] = as ? [as.node, as.cli, { uid: as.uid, gid: as.uid }] : [process.execPath, CLI, {}];
    // The other user has no cache folder of its own here (HOME is this user's): no compile cache for it.
    const extra = as ? { NODE_DISABLE_COMPILE_CACHE: '1', ...env } : env;
    execFile(
      node,
      [cli, ...args],
      { cwd, env: childEnv(extra), maxBuffer: 64 * 1024 * 1024, timeout: options.timeout ?? 300_000, ...user },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** A user that is not this one, and what it runs Hindsight with. */
export interface OtherUser {
  uid: number;
  /** A Node the user can execute. */
  node: string;
  /** bin/hindsight.js of a copy of the package the user can read. */
  cli: string;
}

/** "nobody": the user a test running as root runs the CLI as, to meet permissions root ignores. */
export const NOBODY = 65534;

/** True when `dir` and every folder above it may be entered by any user (o+x). */
function reachableByAnyone(dir: string): boolean {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if ((statSync(at).mode & 0o001) === 0) return false;
    if (path.dirname(at) === at) return true;
  }
}

let otherUserCopy: { dir: string; user: OtherUser } | null = null;

/**
 * Null when a test can meet file permissions here; otherwise why not. Not as root, they hold
 * for this user: a file of mode 000 is unreadable to the CLI run as usual. As root (CI's
 * containers), they hold only for another user, "nobody" (see asOtherUser()), which needs a
 * folder under os.tmpdir() that any user may enter.
 */
export function permissionsUntestable(): string | null {
  if (process.platform === 'win32') return 'POSIX file modes do not apply on Windows';
  if (process.getuid?.() !== 0) return null;
  return reachableByAnyone(os.tmpdir()) ? null : `${os.tmpdir()} cannot be entered by other users, so no user but root can run Hindsight there`;
}

/**
 * The options of hindsight() that make permissions count. Not as root: none, the run is this
 * user's. As root: the run is made as "nobody", who may not be able to reach this checkout
 * (cloned into a private folder, mode 0700, as a home or temporary folder is) nor its
 * node_modules/node. So nobody gets a world-readable folder under os.tmpdir() holding a Node
 * (a hard link to this one, or a copy) and the package as npm installs it: bin/, lib/ built
 * from the current sources by scripts/build-lib.ts, schema/, templates/, package.json. (lib/
 * is these sources joined by esbuild; test/hooks/startup.test.ts holds that it lints exactly
 * as they do.) Made once per test file; removeOtherUser() removes it.
 */
export function asOtherUser(): { as?: OtherUser } {
  if (process.getuid?.() !== 0) return {};
  if (otherUserCopy) return { as: otherUserCopy.user };
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-nobody-')));
  chmodSync(dir, 0o755);
  const node = path.join(dir, 'node');
  try {
    linkSync(process.execPath, node);
  } catch {
    cpSync(process.execPath, node);
  }
  const pkg = path.join(dir, 'hindsight');
  const root = fileURLToPath(new URL('../../', import.meta.url));
  for (const item of ['bin', 'schema', 'templates', 'package.json']) cpSync(path.join(root, item), path.join(pkg, item), { recursive: true });
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-lib.ts'), '--outdir', path.join(pkg, 'lib')], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`scripts/build-lib.ts failed: ${built.stdout}${built.stderr}`);
  // Readable by everyone, whatever this process's umask.
  const open = (file: string): void => {
    const stat = statSync(file);
    chmodSync(file, stat.mode | (stat.isDirectory() || stat.mode & 0o100 ? 0o555 : 0o444));
    if (stat.isDirectory()) for (const name of readdirSync(file)) open(path.join(file, name));
  };
  open(node);
  open(pkg);
  otherUserCopy = { dir, user: { uid: NOBODY, node, cli: path.join(pkg, 'bin', 'hindsight.js') } };
  return { as: otherUserCopy.user };
}

/** Removes the copy asOtherUser() made (call from afterAll). */
export function removeOtherUser(): void {
  if (otherUserCopy) rmSync(otherUserCopy.dir, { recursive: true, force: true });
  otherUserCopy = null;
}

const created: string[] = [];

/** A fresh project folder under os.tmpdir() holding `files` (paths relative to it). */
export function project(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-cli-')));
  created.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** Removes every project made by `project()` (call from afterAll). */
export function removeProjects(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** A failed run's stderr: one paragraph, no stack trace. */
export function expectOneParagraph(stderr: string): void {
  expectNoStackTrace(stderr);
  const text = stderr.trim();
  expect(text.length).toBeGreaterThan(0);
  expect(text).not.toMatch(/\n\s*\n/);
}

export function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^ {4}at /m);
  expect(stderr).not.toMatch(/\bat .*\.(?:ts|js):\d+:\d+\)?$/m);
}

/** The output of `hindsight lint --format json`: the library's published type of it. */
export type JsonResult = LintResult;

export function parseJson(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}

// Postmortems with known findings under the default configuration.

/** No finding at all. */
export const CLEAN = `---
severity: SEV2
---

# Database outage

## Summary

The primary database was unavailable for 45 minutes, from 2024-03-02 09:00 UTC to 2024-03-02 09:45 UTC. 1,200 users saw errors.

## Timeline

All times UTC.

- 09:00 Alert fired for replication lag
- 09:10 On-call engineer acknowledged
- 09:45 Service restored

## Root Cause

A full disk on the primary stopped writes.

## Corrective and Preventative Measures

- Add a disk usage alert (OPS-1)
- Rotate the logs daily (OPS-2)
`;

/** One warning (blameless-language, line 21). */
export const WARN = CLEAN.replace('A full disk on the primary stopped writes.', 'A full disk stopped writes. Ana should have checked it.');

/** One error (timeline-order, line 17). */
export const ERROR = CLEAN.replace('- 09:10 On-call engineer acknowledged\n', '- 09:10 On-call engineer acknowledged\n- 09:05 Failover started\n');

/** One fixable error (frontmatter-schema: "sev2" → "SEV2", line 2). */
export const FIXABLE = CLEAN.replace('severity: SEV2', 'severity: sev2');
