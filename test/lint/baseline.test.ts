// Baselines: fingerprints that survive lines shifting, counts for duplicates, what is gone,
// and the file format.
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBaseline, fingerprint, readBaseline, recordBaseline, serialiseBaseline, writeBaseline, type Baseline } from '../../src/lint/baseline.ts';
import type { Finding } from '../../src/lint/engine.ts';
import { summarise, type LintResult } from '../../src/lint/result.ts';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-baseline-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function finding(ruleId: string, line: number, message: string, severity: 1 | 2 = 2): Finding {
  return { ruleId, severity, message, line, column: 3, endLine: line, endColumn: 10 };
}

/** A file on disk and its lint result. */
function result(name: string, text: string, messages: Finding[]): LintResult {
  const file = path.join(root, name);
  writeFileSync(file, text);
  return summarise(file, messages);
}

const TEXT = '# T\n\n- 10:20 Rollback\n- 10:05 Paged\n- TBD\n- TBD\n';

describe('fingerprint', () => {
  it("is the rule, the line's text and the message without numbers: not the line number", () => {
    const a = fingerprint(finding('timeline-order', 4, '10:05 (line 4) is earlier than 10:20 on line 3'), '- 10:05 Paged');
    expect(fingerprint(finding('timeline-order', 9, '10:05 (line 9) is earlier than 10:20 on line 8'), '  - 10:05   Paged ')).toBe(a);
    expect(fingerprint(finding('timeline-order', 4, '10:05 (line 4) is earlier than 10:20 on line 3'), '- 10:06 Paged')).not.toBe(a);
    expect(fingerprint(finding('no-placeholder', 4, '10:05 (line 4) is earlier than 10:20 on line 3'), '- 10:05 Paged')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a finding about the whole document (1:1) ignores the first line', () => {
    const missing = { ...finding('required-sections', 1, 'Missing section: Timeline'), column: 1, endColumn: 1 };
    expect(fingerprint(missing, '---')).toBe(fingerprint(missing, '# Another title'));
  });
});

describe('record and apply', () => {
  it('survives lines shifting; counts duplicates; a new finding is reported, a fixed one is gone', () => {
    const before = result('a.md', TEXT, [
      finding('timeline-order', 4, '10:05 (line 4) is earlier than 10:20 on line 3'),
      finding('no-placeholder', 5, 'TBD'),
      finding('no-placeholder', 6, 'TBD'),
    ]);
    const { baseline, findings, files } = recordBaseline([before], root, null, false);
    expect([findings, files]).toEqual([3, 1]);
    expect(Object.values(baseline.files['a.md']!['no-placeholder']!)).toEqual([2]);

    // Two lines added above: the same findings on other lines are known.
    const shifted = result('a.md', `# T\n\nIntro.\n\n${TEXT.slice(5)}`, [
      finding('timeline-order', 6, '10:05 (line 6) is earlier than 10:20 on line 5'),
      finding('no-placeholder', 7, 'TBD'),
      finding('no-placeholder', 8, 'TBD'),
    ]);
    expect(applyBaseline([shifted], baseline, root)).toMatchObject({ known: 3, gone: [] });
    expect(applyBaseline([shifted], baseline, root).results[0]!.messages).toEqual([]);

    // A third TBD is new; one placeholder fixed is gone.
    const third = result('a.md', `${TEXT}- TBD\n`, [
      finding('timeline-order', 4, '10:05 (line 4) is earlier than 10:20 on line 3'),
      finding('no-placeholder', 5, 'TBD'),
      finding('no-placeholder', 6, 'TBD'),
      finding('no-placeholder', 7, 'TBD', 1),
    ]);
    const applied = applyBaseline([third], baseline, root);
    expect(applied.known).toBe(3);
    expect(applied.results[0]!.messages.map((m) => m.line)).toEqual([7]);
    expect(applied.results[0]).toMatchObject({ errorCount: 0, warningCount: 1 });
    const fixed = result('a.md', TEXT.replace('- TBD\n', ''), [
      finding('timeline-order', 4, '10:05 (line 4) is earlier than 10:20 on line 3'),
      finding('no-placeholder', 5, 'TBD'),
    ]);
    expect(applyBaseline([fixed], baseline, root)).toMatchObject({ known: 2, gone: [{ file: 'a.md', ruleId: 'no-placeholder', count: 1 }] });
  });

  it("files not linted: kept by a partial --baseline-write while they exist; a deleted file's findings are gone", () => {
    const a = result('p.md', TEXT, [finding('no-placeholder', 5, 'TBD')]);
    const b = result('q.md', TEXT, [finding('no-placeholder', 5, 'TBD')]);
    const both = recordBaseline([a, b], root, null, false).baseline;
    const onlyA = result('p.md', TEXT, []);
    expect(Object.keys(recordBaseline([onlyA], root, both, true).baseline.files)).toEqual(['q.md']);
    expect(Object.keys(recordBaseline([onlyA], root, both, false).baseline.files)).toEqual([]);
    // A one-file run says nothing of the other file's entries; once it is deleted they are gone.
    expect(applyBaseline([a], both, root).gone).toEqual([]);
    rmSync(path.join(root, 'q.md'));
    expect(applyBaseline([a], both, root).gone).toEqual([{ file: 'q.md', ruleId: 'no-placeholder', count: 1 }]);
  });
});

describe('the file', () => {
  it('is JSON with "version" first and sorted keys, one fingerprint per line, a final newline', () => {
    const baseline: Baseline = { version: 1, files: { 'b.md': { z: { ff: 1, '00': 2 }, a: { '11': 1 } }, 'a.md': { x: { aa: 1 } } } };
    expect(serialiseBaseline(baseline)).toBe(
      '{\n  "version": 1,\n  "files": {\n    "a.md": {\n      "x": {\n        "aa": 1\n      }\n    },\n    "b.md": {\n      "a": {\n        "11": 1\n      },\n      "z": {\n        "00": 2,\n        "ff": 1\n      }\n    }\n  }\n}\n',
    );
    const file = path.join(root, 'baseline.json');
    writeBaseline(file, baseline);
    expect(readBaseline(file)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('a missing, malformed or foreign baseline is a PathError that says what to do', () => {
    const error = (text: string | null): Error => {
      const file = path.join(root, 'bad.json');
      rmSync(file, { force: true });
      if (text !== null) writeFileSync(file, text);
      try {
        readBaseline(file);
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected an error');
    };
    expect(error(null)).toMatchObject({ name: 'PathError', message: expect.stringContaining('no such file (create it with --baseline-write)') });
    expect(error('{')).toMatchObject({ name: 'PathError', message: expect.stringContaining('is not valid JSON') });
    expect(error('{"version": 2, "files": {}}').message).toContain('expected "version": 1');
    expect(error('{"version": 1, "files": {"a.md": {"x": {"ff": 0}}}}').message).toContain('positive integers');
  });
});
