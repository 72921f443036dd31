// Shared by the hook, action and `new` tests: temporary git repositories, the docs'
// snippets, a copy of this working tree, sample postmortems with and without a finding.
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'hindsight.js');
export const CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * The code block right after `<!-- snippet: NAME -->` in a documentation file (README.md,
 * docs/…): the docs show it, the tests run it. test/docs.test.ts checks that a snippet shown
 * in several files is the same in each.
 */
export function docSnippet(file: string, name: string): string {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const marker = `<!-- snippet: ${name} -->`;
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`${file} has no ${marker}`);
  const block = /^\s*```[\w-]*\n([\s\S]*?)\n```/.exec(text.slice(at + marker.length));
  if (!block) throw new Error(`${file}: no code block right after ${marker}`);
  return `${block[1]!}\n`;
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `hindsight-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** PATH without any node_modules/.bin: the machine's own Node and tools, as a git hook sees them. */
export function systemPath(): string {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.includes(`node_modules${path.sep}.bin`))
    .join(path.delimiter);
}

/** The environment of a person's shell: no npm or vitest variables, no Node pinned by this repository. */
export function userEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // npm's script variables (npm_config_local_prefix, npm_node_execpath, NODE…) would point
    // a child npm or Node back at this repository and its Node 24.
    // So would vitest's NODE_ENV=test and FORCE_COLOR (lint-staged, for one, changes its output).
    if (value === undefined || /^(npm_|NODE$|NODE_OPTIONS$|NODE_ENV$|FORCE_COLOR$|VITEST|TINYPOOL|INIT_CWD$|GIT_|HINDSIGHT_)/i.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: systemPath(),
    GIT_CONFIG_NOSYSTEM: '1',
    // Same packages, fewer round trips: npm answers from its cache what it can.
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

/** Text without ANSI colour codes. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

export function run(command: string, args: readonly string[], cwd: string, env?: Record<string, string>, input?: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: env ?? process.env, encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** As `run`, without blocking: the two hook set-ups install their packages at the same time. */
export function runAsync(command: string, args: readonly string[], cwd: string, env?: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export async function mustAsync(command: string, args: readonly string[], cwd: string, env?: Record<string, string>): Promise<string> {
  const r = await runAsync(command, args, cwd, env);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status} in ${cwd}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Runs and throws with its output when it fails. */
export function must(command: string, args: readonly string[], cwd: string, env?: Record<string, string>): string {
  const r = run(command, args, cwd, env);
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${r.status} in ${cwd}\n${r.stdout}\n${r.stderr}${r.error ? `\n${r.error.message}` : ''}`);
  return r.stdout;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}

/** `git init` with a local identity and no signing, on branch main. */
export function initRepo(dir: string): void {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'checkout', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Ana Silva');
  git(dir, 'config', 'user.email', 'ana@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
}

export function write(dir: string, file: string, text: string): string {
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  return target;
}

/** The files of this working tree that git tracks or would track (not node_modules, lib, dist…). */
export function copyWorkingTree(dest: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    const to = path.join(dest, file);
    mkdirSync(path.dirname(to), { recursive: true });
    try {
      copyFileSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted in the working tree
    }
  }
}

const SAMPLE = path.join(ROOT, 'postmortems', '2024-05-21-checkout-connection-pool-exhaustion.md');

/** A postmortem that passes lint (warnings allowed), under its own id: an archive's ids must be unique. */
export function goodPostmortem(id = 'LSP-2024-017'): string {
  const text = readFileSync(SAMPLE, 'utf8');
  if (!text.includes('\nid: LSP-2024-017\n')) throw new Error('the sample postmortem changed: update goodPostmortem()');
  // Its open action items are long overdue (`action-item-overdue`): close them, so the sample has no finding at all.
  return text.replace('\nid: LSP-2024-017\n', `\nid: ${id}\n`).replace(/Status: open\./g, 'Status: done.');
}

/** The same with one timeline entry moved earlier than the one before it: a `timeline-order` error. */
export function outOfOrderPostmortem(id = 'LSP-2024-017'): { text: string; line: number } {
  const good = goodPostmortem(id);
  const from = '| 11:58 | Incident declared at SEV2.';
  if (!good.includes(from)) throw new Error('the sample postmortem changed: update outOfOrderPostmortem()');
  const text = good.replace(from, '| 11:50 | Incident declared at SEV2.');
  const line = text.slice(0, text.indexOf('| 11:50 |')).split('\n').length;
  return { text, line };
}
