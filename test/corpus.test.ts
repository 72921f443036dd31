// Every real postmortem of ../shared/corpus/public goes through the parser and the
// linter without an exception; the summary printed here shows what the model finds there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/core/build.ts';
import type { SectionKind } from '../src/core/model.ts';
import { CORPUS, corpusFiles as files, corpusPresent as present } from './helpers/public-corpus.ts';

describe.skipIf(!present)('public corpus', () => {
  it(`parses all ${files.length} files without an exception`, () => {
    const kinds = new Map<SectionKind, number>();
    let timed = 0;
    let entries = 0;
    let windows = 0;
    let actions = 0;
    const failures: string[] = [];
    for (const name of files) {
      const source = readFileSync(CORPUS + name, 'utf8');
      try {
        const { model } = buildModel(CORPUS + name, source);
        for (const kind of new Set(model.sections.map((s) => s.kind))) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        entries += model.timeline.length;
        timed += model.timeline.filter((e) => e.time).length;
        if (model.incident.start && model.incident.end) windows++;
        actions += model.actionItems.length;
      } catch (error) {
        failures.push(`${name}: ${(error as Error).stack}`);
      }
    }
    const rows = [...kinds.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([kind, n]) => `  ${kind.padEnd(20)} ${String(n).padStart(4)} files (${((n / files.length) * 100).toFixed(0)}%)`);
    console.log(
      [
        `Sections found in ${files.length} public postmortems:`,
        ...rows,
        `  timeline entries ${entries} (${timed} with a time), incident windows ${windows}, action items ${actions}`,
      ].join('\n'),
    );
    expect(failures).toEqual([]);
    // The corpus is mostly ALX postmortems, which all have these sections in some spelling.
    expect(kinds.get('timeline') ?? 0).toBeGreaterThan(files.length * 0.7);
    expect(kinds.get('root-cause') ?? 0).toBeGreaterThan(files.length * 0.7);
  });
});
