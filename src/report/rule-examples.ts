// A rule's documented examples, linted as the rule tester and the rule pages read them: the
// example alone, with only its rule on (options over the rule's defaults) and a fixed "now".
// The full output of an example is one line per finding, `line:column-endLine:endColumn id`
// (remark-lint's docs): what an example's `expected` states and its page shows.
import path from 'node:path';
import { resolveConfig, type RawConfig } from '../lint/config/load.ts';
import type { Finding } from '../lint/engine.ts';
import { createLinter } from '../lint/linter.ts';
import type { LintSettings, Rule, RuleExample } from '../lint/rule.ts';

/** "Now" for every example and rule test: the day the examples' dates are written against. */
export const EXAMPLE_NOW = new Date('2026-11-21T12:00:00Z');

export interface LintMarkdownOptions {
  /** Only these rules run, each with these options (merged over its defaults). */
  only?: Record<string, Record<string, unknown>>;
  config?: RawConfig;
  settings?: Partial<LintSettings>;
  fileName?: string;
}

/** The findings of Markdown text linted in memory with the given rules. */
export function lintMarkdown(markdown: string, rules: ReadonlyMap<string, Rule>, options: LintMarkdownOptions = {}): Finding[] {
  const raw: RawConfig = { ...options.config };
  if (options.settings?.timezone) raw.timezone = options.settings.timezone;
  if (options.settings?.requiredFrontmatter) raw.requiredFrontmatter = options.settings.requiredFrontmatter;
  if (options.settings?.frontmatterSchema) raw.frontmatterSchema = options.settings.frontmatterSchema;
  const config = resolveConfig(raw, null, process.cwd(), rules);
  if (options.only) {
    config.rules = Object.entries(options.only).map(([id, opts]) => {
      const rule = rules.get(id);
      if (!rule) throw new Error(`no rule ${id}`);
      return { rule, severity: rule.severity === 'off' ? 'warn' : rule.severity, options: { ...rule.defaults, ...opts } };
    });
  }
  const linter = createLinter(config, rules, options.settings?.now ?? EXAMPLE_NOW, options.settings);
  return linter.lint(path.resolve(options.fileName ?? 'example.md'), markdown);
}

/** The findings of an example: its rule's, and any internal error (a rule that threw). */
export function lintExample(rule: Rule, example: RuleExample, rules: ReadonlyMap<string, Rule>): Finding[] {
  const options: LintMarkdownOptions = { only: { [rule.id]: example.options ?? {} } };
  if (example.settings) options.settings = example.settings;
  if (example.fileName) options.fileName = example.fileName;
  return lintMarkdown(example.markdown, rules, options).filter((f) => f.ruleId === rule.id || f.ruleId === 'fatal');
}

/** Where a finding stands: `line:column-endLine:endColumn`. */
export function place(finding: Finding): string {
  return `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
}

/** The full output an example's `expected` states: a line per finding, its place and message id (or message). */
export function outputOf(findings: readonly Finding[]): string {
  return findings.map((f) => `${place(f)} ${f.messageId ?? f.message}`).join('\n');
}

/** An `expected` text as `outputOf` writes it: without blank lines or the indentation of a template literal. */
export function normalizeExpected(expected: string): string {
  return expected
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
