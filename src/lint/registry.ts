// The rule catalogue: every rule rules/index.ts lists (generated from the files of rules/ by
// `npm run rules:index`; the sources and the bundled build both read it), and the linter's
// step that users configure as a rule: the directives check (directives.ts).
import { ruleIndex } from '../../rules/index.ts';
import { directivesRule } from './directives.ts';
import type { Rule } from './rule.ts';

let loaded: ReadonlyMap<string, Rule> | null = null;

/** The rule catalogue, by id, in id order. */
export function loadRules(): Promise<ReadonlyMap<string, Rule>> {
  loaded ??= catalogue({ ...ruleIndex, [directivesRule.id]: directivesRule as Rule });
  return Promise.resolve(loaded);
}

function catalogue(entries: Readonly<Record<string, Rule>>): ReadonlyMap<string, Rule> {
  const rules = new Map<string, Rule>();
  for (const id of Object.keys(entries).sort()) {
    const rule = entries[id];
    if (!rule || rule.id !== id) throw new Error(`rules/${id}.ts must default-export a rule whose id is "${id}"`);
    rules.set(id, rule);
  }
  return rules;
}
