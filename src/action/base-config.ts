// `config-from: base`: the configuration as the pull request's base commit has it, read with
// git, never from the checked-out tree. A pull request from someone the team does not fully
// trust could otherwise turn rules off, point `content` elsewhere so that nothing is linted,
// or bring a schema that hangs the check, and the check would pass on its own terms.
//
// The file is found as `loadConfig` finds it (the input `config`, or the nearest of the
// candidate names from the working directory up), but in the base commit's tree and no
// higher than the repository's top. Paths in it stay relative to its folder in the checkout.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  CONFIG_FILE_NAMES,
  ConfigError,
  MAX_CONFIG_BYTES,
  packageHasHindsightKey,
  parseConfigText,
  resolveConfig,
  validateConfig,
  type ResolvedConfig,
} from '../lint/config/load.ts';
import type { Rule } from '../lint/rule.ts';
import { UsageError } from '../errors.ts';

export interface BaseConfigOptions {
  /** The working directory in the checkout. */
  cwd: string;
  /** The input `config`, relative to `cwd`, or null to discover one. */
  configFile: string | null;
  /** The base commit. */
  base: string;
}

export function loadBaseConfig(options: BaseConfigOptions, rules: ReadonlyMap<string, Rule>): ResolvedConfig {
  const git = gitIn(options.cwd);
  const top = git(['rev-parse', '--show-toplevel']).trim();
  ensureCommit(git, options.base);
  const short = options.base.slice(0, 12);

  let relative: string | null;
  if (options.configFile) {
    relative = path.relative(top, path.resolve(options.cwd, options.configFile)).split(path.sep).join('/');
    if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) {
      throw new UsageError(
        `config-from: base reads the configuration from the base commit, so the input "config" (${options.configFile}) must name a file inside the repository.`,
      );
    }
    if (blobSize(git, options.base, relative) === null) {
      throw new ConfigError(
        `The configuration ${relative} does not exist in the base commit ${short} (config-from: base reads it from there): add it to the base branch first, or leave the input "config" empty.`,
      );
    }
  } else {
    relative = discoverInCommit(git, options.base, top, options.cwd);
  }
  if (relative === null) return resolveConfig({}, null, path.resolve(options.cwd), rules);

  const label = `${short}:${relative}`;
  const size = blobSize(git, options.base, relative);
  if (size !== null && size > MAX_CONFIG_BYTES)
    throw new ConfigError(`Cannot read configuration ${label}: it is larger than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB.`);
  const text = git(['cat-file', 'blob', `${options.base}:${relative}`]);
  const raw = validateConfig(parseConfigText(text, relative, label), label, rules);
  const file = path.join(top, ...relative.split('/'));
  return resolveConfig(raw, file, path.dirname(file), rules);
}

type Git = (args: string[]) => string;

function gitIn(cwd: string): Git {
  return (args) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_CONFIG_BYTES + 64 * 1024 });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '')
        .trim()
        .split('\n')[0];
      throw new UsageError(`config-from: base could not read the base commit: git ${args[0]} failed${stderr ? `: ${stderr}` : ''}.`);
    }
  };
}

/** The base commit in the checkout: fetched (one commit deep) when a shallow clone lacks it. */
function ensureCommit(git: Git, sha: string): void {
  const has = (): boolean => {
    try {
      git(['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  };
  if (has()) return;
  try {
    git(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha]);
  } catch {}
  if (!has())
    throw new UsageError(
      `config-from: base needs the base commit ${sha.slice(0, 12)}, which is not in the checkout and could not be fetched (use actions/checkout with fetch-depth: 0).`,
    );
}

/** The size of a file in the commit, or null when the commit has no such file. */
function blobSize(git: Git, sha: string, relative: string): number | null {
  try {
    if (git(['cat-file', '-t', `${sha}:${relative}`]).trim() !== 'blob') return null;
    return Number(git(['cat-file', '-s', `${sha}:${relative}`]).trim());
  } catch {
    return null;
  }
}

/** The configuration file that applies in `cwd`, as the commit has it (relative to `top`, with `/`), or null. */
function discoverInCommit(git: Git, sha: string, top: string, cwd: string): string | null {
  let dir = path.relative(top, path.resolve(cwd)).split(path.sep).join('/');
  if (dir.startsWith('..')) return null;
  for (;;) {
    const names = new Set(
      git(['ls-tree', '--full-tree', '--name-only', '-z', sha, ...(dir === '' ? [] : ['--', `${dir}/`])])
        .split('\0')
        .filter(Boolean)
        .map((name) => name.slice(name.lastIndexOf('/') + 1)),
    );
    for (const name of CONFIG_FILE_NAMES) {
      if (!names.has(name)) continue;
      const relative = dir === '' ? name : `${dir}/${name}`;
      if (name !== 'package.json') return relative;
      const size = blobSize(git, sha, relative);
      if (size !== null && size <= MAX_CONFIG_BYTES && packageHasHindsightKey(git(['cat-file', 'blob', `${sha}:${relative}`]))) return relative;
    }
    if (dir === '') return null;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}
