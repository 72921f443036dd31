// The rule table, generated from the rule declarations: the index of docs/rules/ and
// `hindsight rules --format markdown`. Each id links to its rule page.
import type { Rule } from '../lint/rule.ts';
import { helpUri } from '../lint/result.ts';

/** `link` turns a rule id into the address of its page (by default the published one). */
export function ruleTable(rules: ReadonlyMap<string, Rule>, link: (id: string) => string = helpUri): string {
  const rows = ['| Rule | Default | Fixable | What it finds |', '| --- | --- | --- | --- |'];
  for (const rule of rules.values()) {
    rows.push(`| [\`${rule.id}\`](${link(rule.id)}) | ${rule.severity} | ${rule.fixable ? 'yes' : ''} | ${rule.description} |`);
  }
  return rows.join('\n');
}
