// Every file in rules/ is a rule: registration is reading the folder.
import { readdirSync } from 'node:fs';
import type { Rule } from './rule.ts';

const RULES_DIR = new URL('../../rules/', import.meta.url);

let loaded: Promise<ReadonlyMap<string, Rule>> | null = null;

/** The rule catalogue, by id, in id order. */
export function loadRules(): Promise<ReadonlyMap<string, Rule>> {
  loaded ??= importRules();
  return loaded;
}

async function importRules(): Promise<ReadonlyMap<string, Rule>> {
  const files = readdirSync(RULES_DIR).filter((name) => /^[a-z0-9-]+\.ts$/.test(name)).sort();
  const modules = await Promise.all(files.map((name) => import(new URL(name, RULES_DIR).href) as Promise<{ default: Rule }>));
  const rules = new Map<string, Rule>();
  modules.forEach((module, index) => {
    const rule = module.default;
    const file = files[index]!;
    if (!rule || `${rule.id}.ts` !== file) throw new Error(`rules/${file} must default-export a rule whose id is "${file.slice(0, -3)}"`);
    rules.set(rule.id, rule);
  });
  return rules;
}
