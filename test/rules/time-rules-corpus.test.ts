// The time rules over every real postmortem of ../shared/corpus/public: no exception, a
// table of how many findings each rule gives, and (HINDSIGHT_SAMPLE=N) up to N findings per
// rule with the line they stand on, to read and judge by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/engine.ts';
import { lintText } from '../helpers/lint-text.ts';
import { CORPUS, corpusFiles as files, corpusPresent as present } from '../helpers/public-corpus.ts';

const RULES = ['timeline-order', 'timeline-timestamp', 'timeline-in-window', 'incident-window', 'duration-mismatch', 'timezone', 'date-consistency'];
const only = Object.fromEntries(RULES.map((id) => [id, {}]));

describe.skipIf(!present)('time rules over the public corpus', () => {
  it(`lint all ${files.length} files without an exception`, async () => {
    const failures: string[] = [];
    const byRule = new Map<string, { finding: Finding; name: string; text: string }[]>(RULES.map((id) => [id, []]));
    const filesWith = new Map<string, Set<string>>(RULES.map((id) => [id, new Set()]));
    for (const name of files) {
      const source = readFileSync(CORPUS + name, 'utf8');
      const lines = source.split(/\r?\n/);
      try {
        for (const finding of await lintText(source, { only, fileName: CORPUS + name })) {
          byRule.get(finding.ruleId)?.push({ finding, name, text: (lines[finding.line - 1] ?? '').trim() });
          filesWith.get(finding.ruleId)?.add(name);
        }
      } catch (error) {
        failures.push(`${name}: ${(error as Error).stack}`);
      }
    }

    const table = RULES.map(
      (id) => `  ${id.padEnd(20)} ${String(byRule.get(id)!.length).padStart(5)} findings in ${String(filesWith.get(id)!.size).padStart(3)} files`,
    );
    console.log([`Time rules over ${files.length} public postmortems:`, ...table].join('\n'));

    const sample = Number(process.env.HINDSIGHT_SAMPLE ?? 0);
    if (sample > 0) {
      for (const id of RULES) {
        const all = byRule.get(id)!;
        // Spread the sample over the corpus rather than taking the first files only.
        const step = Math.max(1, all.length / sample);
        const picked = Array.from({ length: Math.min(sample, all.length) }, (_, i) => all[Math.floor(i * step)]!);
        console.log(
          [
            `--- ${id}: ${picked.length} of ${all.length}`,
            ...picked.map(({ finding, name, text }) => `${name}:${finding.line}:${finding.column} ${finding.message}\n      | ${text.slice(0, 160)}`),
          ].join('\n'),
        );
      }
    }

    expect(failures).toEqual([]);
    // timeline-order names the entry's time and the time it is earlier than.
    for (const { finding } of byRule.get('timeline-order')!) {
      const m = /^(.+?) \(line \d+\) is earlier than (.+?) on line \d+/.exec(finding.message);
      expect(m, finding.message).not.toBeNull();
      expect(m![1], finding.message).toMatch(/\d/);
      expect(m![2], finding.message).toMatch(/\d/);
    }
  });
});
