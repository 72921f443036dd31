// The seven structure rules over every real postmortem of ../shared/corpus/public: no
// exception, and a table of how often each rule fires with a sample of its findings, to read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/engine.ts';
import { fixText, lintText } from '../helpers/lint-text.ts';
import { CORPUS, corpusFiles as files, corpusPresent as present } from '../helpers/public-corpus.ts';

const RULES: Record<string, Record<string, unknown>> = {
  'empty-section': {},
  'duplicate-section': {},
  'section-order': {},
  'action-items': {},
  'impact-quantified': {},
  'word-count': { min: 400, max: 600 },
  'canonical-headings': {},
  directives: {},
};

describe.skipIf(!present)('structure rules over the public corpus', () => {
  it(`lint all ${files.length} files without an exception`, async () => {
    const byRule = new Map<string, { files: Set<string>; findings: { file: string; finding: Finding }[] }>();
    for (const id of Object.keys(RULES)) byRule.set(id, { files: new Set(), findings: [] });
    const failures: string[] = [];
    for (const name of files) {
      const source = readFileSync(CORPUS + name, 'utf8');
      try {
        for (const finding of await lintText(source, { only: RULES, fileName: name })) {
          const entry = byRule.get(finding.ruleId)!;
          entry.files.add(name);
          entry.findings.push({ file: name, finding });
        }
      } catch (error) {
        failures.push(`${name}: ${(error as Error).stack}`);
      }
    }
    const rows = [...byRule.entries()].map(
      ([id, { files: hit, findings }]) => `  ${id.padEnd(20)} ${String(findings.length).padStart(5)} findings in ${String(hit.size).padStart(4)} files`,
    );
    const sample = [...byRule.entries()].flatMap(([id, { findings }]) =>
      findings
        .filter((_, i) => i % Math.max(1, Math.floor(findings.length / 3)) === 0)
        .slice(0, 3)
        .map(({ file, finding }) => `  ${id} ${file}:${finding.line}:${finding.column} ${finding.message}`),
    );
    console.log([`Structure rules over ${files.length} public postmortems:`, ...rows, 'Sample:', ...sample].join('\n'));
    expect(failures).toEqual([]);
    // Read and judged by hand (see the rules' docs): kept here as a guard against a rule
    // suddenly firing everywhere.
    expect(byRule.get('empty-section')!.files.size).toBeLessThan(files.length * 0.1);
    expect(byRule.get('duplicate-section')!.files.size).toBeLessThan(files.length * 0.1);
    expect(byRule.get('section-order')!.files.size).toBeLessThan(files.length * 0.1);
  });

  it('canonical-headings --fix changes only heading lines, and fixing twice is fixing once', async () => {
    const only = { 'canonical-headings': {} };
    const problems: string[] = [];
    for (const name of files) {
      const source = readFileSync(CORPUS + name, 'utf8');
      const fixed = await fixText(source, { only });
      if (fixed === source) continue;
      if ((await fixText(fixed, { only })) !== fixed) problems.push(`${name}: not idempotent`);
      const before = source.split('\n');
      const after = fixed.split('\n');
      if (before.length !== after.length) problems.push(`${name}: line count changed`);
      before.forEach((line, i) => {
        if (line !== after[i] && !/^ {0,3}#{1,6}\s|^\S/.test(line)) problems.push(`${name}:${i + 1}: ${JSON.stringify(line)}`);
        if (line !== after[i] && /^ {0,3}#{1,6}\s/.test(line) && line.match(/^ {0,3}#+/)![0] !== after[i]!.match(/^ {0,3}#+/)?.[0])
          problems.push(`${name}:${i + 1}: marker changed`);
      });
    }
    expect(problems).toEqual([]);
  });
});
