// Lints Markdown text in memory with chosen rules: the rule tester's engine.
import path from 'node:path';
import { resolveConfig, type RawConfig } from '../../src/lint/config/load.ts';
import type { Finding } from '../../src/lint/engine.ts';
import { applyFixes } from '../../src/lint/fix.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { createLinter } from '../../src/lint/linter.ts';
import type { LintSettings } from '../../src/lint/rule.ts';

export const TEST_NOW = new Date('2026-11-21T12:00:00Z');

export interface LintTextOptions {
  /** Only these rules run, each with these options (merged over its defaults). */
  only?: Record<string, Record<string, unknown>>;
  config?: RawConfig;
  settings?: Partial<LintSettings>;
  fileName?: string;
}

export async function lintText(markdown: string, options: LintTextOptions = {}): Promise<Finding[]> {
  const rules = await loadRules();
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
  const linter = createLinter(config, rules, options.settings?.now ?? TEST_NOW, options.settings);
  return linter.lint(path.resolve(options.fileName ?? 'example.md'), markdown);
}

/** The text after applying every fix, pass after pass, as `--fix` does. */
export async function fixText(markdown: string, options: LintTextOptions = {}): Promise<string> {
  let text = markdown;
  for (let pass = 0; pass < 10; pass++) {
    const findings = await lintText(text, options);
    const outcome = applyFixes(text, findings);
    if (outcome.applied.length === 0) break;
    text = outcome.output;
  }
  return text;
}
