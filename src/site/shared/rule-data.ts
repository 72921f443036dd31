// The rule reference's entries, from the rule declarations and the configuration in effect:
// made where the rules are loaded (a worker thread's scan, else the rule loader). Each holds
// its docs/rules/<id>.md page rendered (rule-pages.ts) for the site's page of the rule.
import type { ResolvedConfig } from '../../lint/config/load.ts';
import type { Rule } from '../../lint/rule.ts';
import { rulePages } from '../../report/rule-docs.ts';
import { lintExample } from '../../report/rule-examples.ts';
import { rulePageHtml } from './rule-pages.ts';
import type { RuleData } from './types.ts';

export function ruleEntries(rules: ReadonlyMap<string, Rule>, config: ResolvedConfig): RuleData[] {
  const configured = new Map(config.rules.map((active) => [active.rule.id, active.severity]));
  const pages = rulePages(rules);
  return [...rules.values()].map((rule): RuleData => {
    const properties = (rule.schema.properties ?? {}) as Record<string, { description?: string }>;
    return {
      id: rule.id,
      description: rule.description,
      defaultSeverity: rule.severity,
      severity: configured.get(rule.id) ?? 'off',
      fixable: rule.fixable,
      rationale: rule.docs.rationale,
      options: Object.keys(properties).map((name) => {
        const value = (rule.defaults as Record<string, unknown>)[name];
        return { name, default: value === undefined ? '—' : JSON.stringify(value), description: properties[name]?.description ?? '' };
      }),
      invalid: rule.docs.invalid
        .slice(0, 1)
        .map((e) => ({ title: e.title, markdown: e.markdown, messages: lintExample(rule, e, rules).map((f) => f.message) })),
      valid: rule.docs.valid.slice(0, 1).map((e) => ({ title: e.title, markdown: e.markdown, messages: [] })),
      html: rulePageHtml(pages.get(`${rule.id}.md`) ?? ''),
    };
  });
}
