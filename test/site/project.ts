// A throwaway copy of the project (sources, rules, configuration; node_modules linked entry by
// entry so Astro's caches stay in the copy) whose postmortems folder the test chooses, for
// running `npm run build` exactly as a user does without touching the working tree.
import { spawn, spawnSync } from 'node:child_process';
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

// ---------------------------------------------------------------------------------------------
// The package as a team installs it (test/site/own-repo.test.ts): packed from a copy of the
// checkout (as test/pack/pack.test.ts does, so lib/ of the working tree is not rebuilt),
// installed from the npm cache, with Astro and Pagefind (optional peer dependencies) linked
// from this repository's node_modules instead of downloaded.

export const PINNED_NODE = path.join(repoRoot, 'node_modules', 'node', 'bin', 'node');
const NOT_PACKED = new Set(['node_modules', '.git', 'lib', 'dist', '.astro', 'test-output']);

/** This environment less npm's script variables and the site's settings, with the pinned Node 24 first on PATH. */
export function installedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(withoutSiteSettings(process.env)))
    if (!/^npm_/i.test(key) && key !== 'NODE_OPTIONS' && key !== 'INIT_CWD') env[key] = value;
  const rest = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir && !dir.split(path.sep).includes('node_modules'));
  env.PATH = [path.dirname(PINNED_NODE), ...rest].join(path.delimiter);
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' };
}

export function runIn(cwd: string, command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd, env: installedEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `npm pack` of a copy of the checkout into `temp`; the tarball's path. */
export function packPackage(temp: string): string {
  const checkout = path.join(temp, 'checkout');
  cpSync(repoRoot, checkout, { recursive: true, filter: (source) => !NOT_PACKED.has(path.relative(repoRoot, source).split(path.sep)[0]!) });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
  const packed = runIn(checkout, 'npm', ['pack', '--json', '--pack-destination', temp]);
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.output}`);
  const json = packed.output.slice(packed.output.indexOf('['));
  return path.join(temp, (JSON.parse(json.slice(0, json.lastIndexOf(']') + 1)) as { filename: string }[])[0]!.filename);
}

/** A fresh project at `dir` with the tarball installed, and Astro and Pagefind linked in. */
export function installPackage(dir: string, tarball: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'team-incidents', private: true, type: 'module' }));
  const install = runIn(dir, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', tarball]);
  if (install.status !== 0) throw new Error(`npm install ${tarball} failed: ${install.output}`);
  for (const name of ['astro', 'pagefind']) symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(dir, 'node_modules', name), 'dir');
}
