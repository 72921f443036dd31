// Every file in rules/ is a rule: registration is reading the folder. Run from the sources
// that folder holds `*.ts`; in the compiled build (lib/, see tsconfig.build.json) this module
// is lib/src/lint/registry.js and reads lib/rules/*.js: the extension is this module's own.
import { readdirSync } from 'node:fs';
import type { Rule } from './rule.ts';

const RULES_DIR = new URL('../../rules/', import.meta.url);
const EXTENSION = import.meta.url.endsWith('.js') ? '.js' : '.ts';
const RULE_FILE = new RegExp(`^[a-z0-9-]+\\${EXTENSION}$`);

let loaded: Promise<ReadonlyMap<string, Rule>> | null = null;

/** The rule catalogue, by id, in id order. */
export function loadRules(): Promise<ReadonlyMap<string, Rule>> {
  loaded ??= importRules();
  return loaded;
}

async function importRules(): Promise<ReadonlyMap<string, Rule>> {
  const files = readdirSync(RULES_DIR).filter((name) => RULE_FILE.test(name)).sort();
  const modules = await Promise.all(files.map((name) => import(new URL(name, RULES_DIR).href) as Promise<{ default: Rule }>));
  const rules = new Map<string, Rule>();
  modules.forEach((module, index) => {
    const rule = module.default;
    const file = files[index]!;
    const id = file.slice(0, -EXTENSION.length);
    if (!rule || rule.id !== id) throw new Error(`rules/${file} must default-export a rule whose id is "${id}"`);
    rules.set(rule.id, rule);
  });
  return rules;
}
