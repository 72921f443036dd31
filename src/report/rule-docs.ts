// The README's rule reference, generated from the rule declarations: the table and one
// section per rule with its rationale, options and examples (the same examples the
// rule tester runs).
import type { Rule } from '../lint/rule.ts';
import { ruleTable } from './rule-table.ts';

export function ruleReference(rules: ReadonlyMap<string, Rule>): string {
  const parts = [ruleTable(rules), ''];
  for (const rule of rules.values()) parts.push(ruleSection(rule));
  return parts.join('\n').trimEnd();
}

function ruleSection(rule: Rule): string {
  const lines = [
    `### <a id="rule-${rule.id}"></a>\`${rule.id}\``,
    '',
    `${rule.description}. Default: **${rule.severity}**${rule.fixable ? ', fixable with `--fix`' : ''}.`,
    '',
    rule.docs.rationale,
    '',
  ];
  const options = describeOptions(rule);
  if (options) lines.push(options, '');
  const invalid = rule.docs.invalid[0];
  const valid = rule.docs.valid[0];
  if (invalid) {
    lines.push(`Flagged (${invalid.title}):`, '', fence(invalid.markdown), '');
    if (invalid.messages?.length) lines.push(...invalid.messages.map((m) => `> ${m}`), '');
  }
  if (valid) lines.push(`Passes (${valid.title}):`, '', fence(valid.markdown), '');
  return lines.join('\n');
}

function describeOptions(rule: Rule): string | null {
  const properties = (rule.schema['properties'] ?? {}) as Record<string, { description?: string }>;
  const names = Object.keys(properties);
  if (names.length === 0) return null;
  const rows = names.map((name) => {
    const value = (rule.defaults as Record<string, unknown>)[name];
    const shown = value === undefined ? '—' : `\`${JSON.stringify(value)}\``;
    return `| \`${name}\` | ${shown} | ${properties[name]?.description ?? ''} |`;
  });
  return ['| Option | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

function fence(markdown: string): string {
  const longest = Math.max(2, ...[...markdown.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}markdown\n${markdown.trimEnd()}\n${ticks}`;
}
