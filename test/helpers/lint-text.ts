// Lints Markdown text in memory with chosen rules: the rule tester's engine (the same one the
// rule pages run their examples with).
import type { Finding } from '../../src/lint/engine.ts';
import { applyFixes } from '../../src/lint/fix.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { EXAMPLE_NOW, lintMarkdown, type LintMarkdownOptions } from '../../src/report/rule-examples.ts';

export const TEST_NOW = EXAMPLE_NOW;

export type LintTextOptions = LintMarkdownOptions;

export async function lintText(markdown: string, options: LintTextOptions = {}): Promise<Finding[]> {
  return lintMarkdown(markdown, await loadRules(), options);
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
