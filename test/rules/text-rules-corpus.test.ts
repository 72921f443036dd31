// The five text rules (no-placeholder, blameless-language, no-secrets, no-pii,
// frontmatter-schema) over every real postmortem of ../shared/corpus/public: no exception,
// a table of finding counts per rule, and a sample of findings to read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/lint/config/load.ts';
import type { Finding } from '../../src/lint/engine.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { createLinter } from '../../src/lint/linter.ts';
import { TEST_NOW } from '../helpers/lint-text.ts';
import { CORPUS, corpusFiles as files, corpusPresent as present } from '../helpers/public-corpus.ts';

const RULE_IDS = ['no-placeholder', 'blameless-language', 'no-secrets', 'no-pii', 'frontmatter-schema'];

describe.skipIf(!present)('text rules over the public corpus', () => {
  it(`lint all ${files.length} files with the five text rules`, async () => {
    const rules = await loadRules();
    const config = resolveConfig({}, null, process.cwd(), rules);
    config.rules = RULE_IDS.map((id) => {
      const rule = rules.get(id);
      if (!rule) throw new Error(`no rule ${id}`);
      return { rule, severity: rule.severity === 'off' ? 'warn' : rule.severity, options: { ...rule.defaults } };
    });
    const linter = createLinter(config, rules, TEST_NOW);
    const found = new Map<string, { name: string; source: string; finding: Finding }[]>(RULE_IDS.map((id) => [id, []]));
    const filesWith = new Map<string, Set<string>>(RULE_IDS.map((id) => [id, new Set()]));
    const failures: string[] = [];
    const started = performance.now();
    for (const name of files) {
      const source = readFileSync(CORPUS + name, 'utf8');
      try {
        for (const finding of linter.lint(CORPUS + name, source)) {
          found.get(finding.ruleId)?.push({ name, source, finding });
          filesWith.get(finding.ruleId)?.add(name);
        }
      } catch (error) {
        failures.push(`${name}: ${(error as Error).stack}`);
      }
    }
    const elapsed = performance.now() - started;
    const table = RULE_IDS.map(
      (id) => `  ${id.padEnd(20)} ${String(found.get(id)!.length).padStart(5)} findings in ${String(filesWith.get(id)!.size).padStart(3)} files`,
    );
    const sample: string[] = [];
    for (const id of RULE_IDS) {
      const list = found.get(id)!;
      // Spread over the corpus: every n-th finding, at most 8 per rule.
      const step = Math.max(1, Math.floor(list.length / 8));
      for (let i = 0; i < list.length && sample.length < 8 * (RULE_IDS.indexOf(id) + 1); i += step) {
        const { name, source, finding } = list[i]!;
        const line = (source.split('\n')[finding.line - 1] ?? '').trim().slice(0, 110);
        sample.push(`  ${id} ${name}:${finding.line}:${finding.column}  ${finding.message.slice(0, 140)}\n      | ${line}`);
      }
    }
    console.log(
      [
        `Text rules over ${files.length} public postmortems (${(elapsed / Math.max(1, files.length)).toFixed(2)} ms per file with parsing):`,
        ...table,
        'Sample:',
        ...sample,
      ].join('\n'),
    );
    expect(failures).toEqual([]);
    // Every finding here was read and judged right when the rules were written (3, 8, 0,
    // 5 and 1): a jump means a rule started reporting what it should not.
    const limits: Record<string, number> = { 'no-placeholder': 6, 'blameless-language': 14, 'no-secrets': 0, 'no-pii': 8, 'frontmatter-schema': 3 };
    for (const id of RULE_IDS) expect(found.get(id)!.length, id).toBeLessThanOrEqual(limits[id]!);
  });
});
