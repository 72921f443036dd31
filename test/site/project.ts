// A throwaway copy of the project (sources, rules, configuration; node_modules linked entry by
// entry so Astro's caches stay in the copy) whose postmortems folder the test chooses, for
// running `npm run build` exactly as a user does without touching the working tree.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const samplesDir = path.join(repoRoot, 'postmortems');

const COPIED = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'rules', 'bin', 'scripts', 'schema'];
/** Caches that must not be shared with the working tree. */
const NOT_LINKED = new Set(['.astro', '.cache', '.vite']);

export interface TempProject {
  dir: string;
  postmortems: string;
  remove(): void;
}

export interface TempProjectOptions {
  /** Copy the sample postmortems too (default true); without them the build is small. */
  samples?: boolean;
  /** Files written at the project's root (a hindsight.config.json). */
  rootFiles?: Record<string, string>;
}

export function createTempProject(prefix: string, files: Record<string, string> | null = null, options: TempProjectOptions = {}): TempProject {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const name of COPIED) cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (!NOT_LINKED.has(name)) symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(modules, name));
  }
  const postmortems = path.join(dir, 'postmortems');
  if (options.samples === false) mkdirSync(postmortems);
  else cpSync(samplesDir, postmortems, { recursive: true });
  for (const [name, text] of Object.entries(files ?? {})) writeFileSync(path.join(postmortems, name), text);
  for (const [name, text] of Object.entries(options.rootFiles ?? {})) writeFileSync(path.join(dir, name), text);
  return { dir, postmortems, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `npm run <script>` in the project, with the environment given added (CI noise off). */
export function npmRun(dir: string, script: string, env: Record<string, string> = {}, timeoutMs = 900_000): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', script], {
      cwd: dir,
      env: { ...withoutSiteSettings(process.env), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm run ${script} took more than ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The environment without the site's own settings (a developer's HINDSIGHT_CONTENT must not leak in). */
function withoutSiteSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('HINDSIGHT_')));
}
