// Finds the configuration file that applies and reads its text as YAML, JSON, JSON with
// comments (jsonc.ts) or a package.json's `hindsight` key, with a byte cap and a depth limit.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadYaml } from '../../core/yaml.ts';
import { ConfigError } from '../../errors.ts';
import { parseJsonc } from './jsonc.ts';
import type { RawConfig } from './raw-config.ts';
import { ReadRefused, readTextCapped } from './read.ts';

/** The names a configuration file may have, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = [
  'hindsight.config.json',
  'hindsight.config.jsonc',
  'hindsight.config.yaml',
  'hindsight.config.yml',
  '.hindsightrc.json',
  '.hindsightrc.jsonc',
  'package.json',
] as const;

/** The configuration file that applies in `cwd`: the nearest one up the folder tree. */
export function discoverConfig(cwd: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    const found = configFileIn(dir);
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The configuration file in this folder itself, or null. */
export function configFileIn(dir: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    if (name !== 'package.json' || hasHindsightKey(file)) return file;
  }
  return null;
}

function hasHindsightKey(file: string): boolean {
  try {
    return packageHasHindsightKey(readTextCapped(file, MAX_CONFIG_BYTES));
  } catch {
    return false;
  }
}

/**
 * Whether a package.json's text holds a `hindsight` key (the configuration). One that is not
 * valid JSON but names the key counts: reading it then says what is wrong with it, where
 * skipping it would lint with the defaults and pass.
 */
export function packageHasHindsightKey(text: string): boolean {
  try {
    const pkg = JSON.parse(text) as Record<string, unknown>;
    return typeof pkg === 'object' && pkg !== null && 'hindsight' in pkg;
  } catch {
    return /"hindsight"\s*:/.test(text);
  }
}

/** The largest configuration file read (a package.json holding one too): far above any real one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** How deep a configuration may nest (a frontmatterSchema's subschemas count): far above any real one. */
export const MAX_CONFIG_DEPTH = 64;

export function readConfigFile(file: string): RawConfig {
  let text: string;
  try {
    text = readTextCapped(file, MAX_CONFIG_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      error instanceof ReadRefused ? error.message : code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ConfigError(`Cannot read configuration ${file}: ${reason}.`);
  }
  return parseConfigText(text, file);
}

/**
 * A configuration file's text, parsed as its name says (YAML, JSON, a package.json's
 * `hindsight` key). `label` names it in messages (the file, or `commit:path` for one read
 * from git).
 */
export function parseConfigText(text: string, file: string, label = file): RawConfig {
  const base = path.basename(file);
  let value: unknown;
  try {
    if (/\.ya?ml$/.test(base)) {
      const { LineCounter, parseDocument } = loadYaml();
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter });
      const problem = doc.errors[0];
      if (problem) {
        const pos = problem.linePos?.[0] ?? lineCounter.linePos(problem.pos[0]);
        throw new ConfigError(`Invalid YAML in ${label}:${pos.line}:${pos.col}: ${problem.message.split('\n')[0]!.replace(/[.:]$/, '')}.`);
      }
      value = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } else if (base.endsWith('.jsonc')) {
      value = parseJsonc(text, label);
    } else {
      try {
        value = JSON.parse(text);
      } catch (error) {
        if (error instanceof RangeError) throw error;
        throw new ConfigError(`Invalid JSON in ${label}: ${(error as Error).message}.`);
      }
      if (base === 'package.json') value = (value as Record<string, unknown> | null)?.hindsight ?? {};
    }
  } catch (error) {
    // A parser that recursed past the stack: nested far deeper than any configuration.
    if (error instanceof RangeError)
      throw new ConfigError(`Invalid configuration in ${label}: it nests too deeply to read; a configuration nests at most ${MAX_CONFIG_DEPTH} levels.`);
    throw error;
  }
  const deep = pathDeeperThan(value, MAX_CONFIG_DEPTH);
  if (deep !== null) {
    throw new ConfigError(
      `Invalid configuration in ${label}: at ${deep || '/'}: nested more than ${MAX_CONFIG_DEPTH} levels deep; no configuration needs that many (a frontmatterSchema's subschemas count).`,
    );
  }
  return value as RawConfig;
}

/** The JSON Pointer of the first value nested deeper than `limit`, or null; without recursion. */
function pathDeeperThan(value: unknown, limit: number): string | null {
  const stack: { value: unknown; depth: number; at: string }[] = [{ value, depth: 0, at: '' }];
  while (stack.length > 0) {
    const { value: current, depth, at } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return at;
    for (const [key, child] of Object.entries(current)) {
      stack.push({ value: child, depth: depth + 1, at: `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
    }
  }
  return null;
}
