// section-order: sections against the configured order, as few findings as possible (a
// longest increasing subsequence), each with where to move the section.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const lint = async (md: string, options: Record<string, unknown> = {}) =>
  (await lintText(md, { only: { 'section-order': options } })).map((f) => ({ line: f.line, message: f.message.replace(/ Expected order:.*/, '') }));
const doc = (...headings: string[]) => headings.map((h) => `## ${h}\n\ntext\n`).join('\n');
// Each heading of `doc` stands on line 1 + 4 × its index.
const at = (index: number) => 1 + 4 * index;

describe('section-order', () => {
  it('reports the section that comes after one that should follow it, with a hint', async () => {
    const findings = await lintText(doc('Summary', 'Root Cause', 'Timeline', 'Action Items'), { only: { 'section-order': {} } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: at(2), column: 1, endLine: at(2), endColumn: 12, severity: 1 });
    expect(findings[0]!.message).toBe(
      'Section out of order: move "Timeline" (line 9) above "Root Cause" (line 5). Expected order: Summary, Timeline, Root Cause, Corrective and Preventative Measures.',
    );
  });

  it('one misplaced section is one finding, wherever it stands', async () => {
    expect(await lint(doc('Action Items', 'Summary', 'Timeline', 'Root Cause'))).toEqual([
      { line: at(0), message: 'Section out of order: move "Action Items" (line 1) below "Root Cause" (line 13).' },
    ]);
    expect(await lint(doc('Timeline', 'Root Cause', 'Action Items', 'Summary'))).toEqual([
      { line: at(3), message: 'Section out of order: move "Summary" (line 13) above "Timeline" (line 1).' },
    ]);
  });

  it('a fully reversed document: all but one section move', async () => {
    expect((await lint(doc('Action Items', 'Root Cause', 'Timeline', 'Summary'))).map((f) => f.line)).toEqual([at(1), at(2), at(3)]);
  });

  it('kinds not in the order stand anywhere; unrecognised sections too', async () => {
    expect(
      await lint(doc('Lessons Learned', 'Summary', 'Impact', 'Background', 'Timeline', 'Detection', 'Root Cause', 'Resolution', 'Action Items', 'Impact')),
    ).toEqual([]);
  });

  it("each kind by its first section: a repeated one is duplicate-section's business", async () => {
    expect(await lint(doc('Summary', 'Timeline', 'Root Cause', 'Action Items', 'Summary', 'Timeline'))).toEqual([]);
  });

  it('sections written in parts are placed by their first part', async () => {
    expect(
      await lint(doc('Summary', 'Timeline', 'Root Cause and Resolution', 'Resolution', 'Action Items'), {
        order: ['summary', 'timeline', 'resolution', 'root-cause'],
      }),
    ).toEqual([]);
  });

  it("the ALX summary's root-cause field does not count when the full section follows", async () => {
    const md = lines(
      '## Issue Summary',
      '',
      '**Root Cause:** a full disk.',
      '',
      '## Timeline',
      '',
      '- 10:00 alert',
      '',
      '## Root Cause and Resolution',
      '',
      'Freed space.',
    );
    expect(await lint(md)).toEqual([]);
  });

  it('but a root cause before the timeline, given only there, is out of order', async () => {
    const md = lines('**Issue Summary:** down.', '', '**Root Cause:** a full disk.', '', '**Timeline:**', '', '- 10:00 alert');
    expect(await lint(md)).toEqual([{ line: 5, message: 'Section out of order: move "Timeline" (line 5) above "Root Cause" (line 3).' }]);
  });

  it("follows a configured order (the google-sre preset's)", async () => {
    const order = ['summary', 'impact', 'root-cause', 'resolution', 'detection', 'corrective-measures', 'lessons-learned', 'timeline'];
    expect(await lint(doc('Summary', 'Impact', 'Root Causes', 'Resolution', 'Detection', 'Action Items', 'Lessons Learned', 'Timeline'), { order })).toEqual(
      [],
    );
    expect((await lint(doc('Summary', 'Timeline', 'Root Causes', 'Action Items'), { order })).map((f) => f.message)).toEqual([
      'Section out of order: move "Timeline" (line 5) below "Action Items" (line 13).',
    ]);
  });

  it('is an error under the alx preset', async () => {
    const findings = await lintText(doc('Summary', 'Root Cause', 'Timeline', 'Action Items'), { config: { extends: 'alx' } });
    expect(findings.filter((f) => f.ruleId === 'section-order').map((f) => f.severity)).toEqual([2]);
  });
});

describe('section-order in the presets', () => {
  it('does not check the order under recommended or strict, where no order is prescribed', async () => {
    const sre = doc('Summary', 'Impact', 'Root Causes', 'Action Items', 'Lessons Learned', 'Timeline');
    for (const preset of ['recommended', 'strict'] as const) {
      const found = await lintText(sre, { config: { extends: preset } });
      expect(
        found.filter((f) => f.ruleId === 'section-order'),
        preset,
      ).toEqual([]);
    }
  });
});
