// The README's rule table, generated from the rule declarations (a test keeps the README
// in step with it).
import type { Rule } from '../lint/rule.ts';

export function ruleTable(rules: ReadonlyMap<string, Rule>): string {
  const rows = ['| Rule | Default | Fixable | What it finds |', '| --- | --- | --- | --- |'];
  for (const rule of rules.values()) {
    rows.push(`| [\`${rule.id}\`](#rule-${rule.id}) | ${rule.severity} | ${rule.fixable ? 'yes' : ''} | ${rule.description} |`);
  }
  return rows.join('\n');
}
