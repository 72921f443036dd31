// Every file in rules/ is a rule: registration is reading the folder. The bundled build
// (scripts/build-lib.ts) reads the folder when it is built instead, and imports each file
// (config/bundled.ts): one file to load, and adding a file still registers its rule.
import { readdirSync } from 'node:fs';
import { bundledRules } from './config/bundled.ts';
import type { Rule } from './rule.ts';

const RULES_DIR = new URL('../../rules/', import.meta.url);
/** The names of rule files: also what the bundled build imports. */
export const RULE_FILE = /^[a-z0-9-]+\.ts$/;

let loaded: Promise<ReadonlyMap<string, Rule>> | null = null;

/** The rule catalogue, by id, in id order. */
export function loadRules(): Promise<ReadonlyMap<string, Rule>> {
  loaded ??= bundledRules ? Promise.resolve(catalogue(bundledRules)) : importRules();
  return loaded;
}

async function importRules(): Promise<ReadonlyMap<string, Rule>> {
  const files = readdirSync(RULES_DIR).filter((name) => RULE_FILE.test(name)).sort();
  const modules = await Promise.all(files.map((name) => import(new URL(name, RULES_DIR).href) as Promise<{ default: Rule }>));
  return catalogue(files.map((file, index) => [file, modules[index]!.default] as const));
}

function catalogue(files: ReadonlyArray<readonly [file: string, rule: Rule]>): ReadonlyMap<string, Rule> {
  const rules = new Map<string, Rule>();
  for (const [file, rule] of files) {
    const id = file.slice(0, -'.ts'.length);
    if (!rule || rule.id !== id) throw new Error(`rules/${file} must default-export a rule whose id is "${id}"`);
    rules.set(rule.id, rule);
  }
  return rules;
}
