// End-to-end helpers: the real `hindsight` command (bin/hindsight.js under this Node, which
// is Node 24 under vitest) run as a child process in throwaway projects under os.tmpdir().
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

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
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  delete env['NODE_OPTIONS'];
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
 * Runs `hindsight ARGS` in `cwd`; never rejects (a non-zero exit is a result). `as`: the
 * user and group id to run as (a test running as root can run it as "nobody", 65534).
 */
export function hindsight(args: readonly string[], cwd: string, env?: Record<string, string>, options: { as?: number; timeout?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const user = options.as === undefined ? {} : { uid: options.as, gid: options.as };
    execFile(process.execPath, [CLI, ...args], { cwd, env: childEnv(env), maxBuffer: 64 * 1024 * 1024, timeout: options.timeout ?? 60_000, ...user }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
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

export interface JsonResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  messages: { ruleId: string; severity: 1 | 2; message: string; line: number; column: number; endLine: number; endColumn: number; fix?: { range: [number, number]; text: string } }[];
  output?: string;
}

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
