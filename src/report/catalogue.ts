import { helpUri, type RuleMeta } from '../lint/result.ts';
import type { Rule } from '../lint/rule.ts';

export function ruleCatalogue(rules: ReadonlyMap<string, Rule>): RuleMeta[] {
  return [...rules.values()].map((rule) => ({
    id: rule.id,
    description: rule.description,
    severity: rule.severity,
    fixable: rule.fixable,
    helpUri: helpUri(rule.id),
    rationale: rule.docs.rationale,
  }));
}
