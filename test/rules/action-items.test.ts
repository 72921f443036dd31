// action-items: corrective measures with no items (one finding per section, at its heading,
// saying why) and, when configured, items without owner, ticket or due date.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const lint = async (md: string, options: Record<string, unknown> = {}) =>
  (await lintText(md, { only: { 'action-items': options } })).map((f) => ({ line: f.line, column: f.column, message: f.message }));
/** Each finding's place and message id: which kind of finding, where. */
const ids = async (md: string) => (await lintText(md, { only: { 'action-items': {} } })).map((f) => `${f.line}:${f.column} ${f.messageId}`);

describe('action-items: sections without items', () => {
  it('prose paragraphs only: one finding at the heading, suggesting a list', async () => {
    const md = lines(
      '# Outage',
      '',
      '## Corrective and Preventative Measures',
      '',
      'We will add an alert.',
      '',
      'We will also review the rotation job.',
      '',
      'And test restores monthly.',
    );
    const findings = await lintText(md, { only: { 'action-items': {} } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, column: 1, endLine: 3, endColumn: 40, severity: 1 });
    expect(findings[0]!.message).toBe(
      'The "Corrective and Preventative Measures" section has no action items: its measures are written as prose. List each one as an item ("- Add a disk-usage alert @ana OPS-123 due 2024-06-01") so it can be assigned, tracked and closed.',
    );
  });

  it('lines without list markers, under a plain-line heading, are prose', async () => {
    expect(await ids(lines('Corrective and Preventative Measures', 'Add monitoring on config changes', 'Restrict who can edit configs'))).toEqual([
      '1:1 prose',
    ]);
  });

  it('measures indented into a code block, and an empty table, say so', async () => {
    expect(await ids(lines('## Corrective Measures', '', '    Improvements:', '        Add an alert'))).toEqual(['1:1 indented']);
    expect(await ids(lines('## Action Items', '', '| Action | Owner |', '| --- | --- |', '| | |'))).toEqual(['1:1 emptyTable']);
  });

  it('lists, task lists, tables and grouped lists are items', async () => {
    expect(await lint(lines('## Action Items', '', 'We learned a lot:', '', '- Add an alert', '- Review rotation'))).toEqual([]);
    expect(await lint(lines('## Action Items', '', '- [ ] Add an alert', '- [x] Free space'))).toEqual([]);
    expect(await lint(lines('## Action Items', '', '| Action | Owner |', '| --- | --- |', '| Add an alert | @ana |'))).toEqual([]);
    expect(await lint(lines('## Action Items', '', '- Short term:', '  - Add an alert', '- Long term:', '  - Replace the disk'))).toEqual([]);
  });

  it('a section written in parts needs items in one of them', async () => {
    expect(await lint(lines('## Corrective Measures', '', 'We will do better.', '', '## Action Items', '', '- Add an alert'))).toEqual([]);
  });

  it('each separate corrective-measures section is judged on its own', async () => {
    const md = lines('## Action Items', '', '- Add an alert', '', '## Timeline', '', '- 10:00 alert', '', '## Follow-ups', '', 'Talk to the team.');
    expect((await lint(md)).map((f) => f.line)).toEqual([9]);
  });

  it('an empty section is left to empty-section; no section, no finding', async () => {
    expect(await lint(lines('## Summary', 'Down.', '', '## Action Items', '', '## Timeline', '- 10:00 a'))).toEqual([]);
    expect(await lint(lines('## Summary', 'Down.'))).toEqual([]);
  });
});

describe('action-items: owner, ticket, due date', () => {
  const md = lines(
    '## Action Items',
    '',
    '- Add a disk alert @ana OPS-1 due 2024-06-01', // 3: complete
    '- Review rotation', // 4: nothing
    '- [x] Free disk space, Owner: Ben, #12', // 5: done, no due date
    '  - Rotate logs hourly', // 6: a sub-item of an item
  );

  it('nothing is required by default', async () => {
    expect(await lint(md)).toEqual([]);
  });

  it('requireOwner: at the item, with the hint', async () => {
    expect(await lint(md, { requireOwner: true })).toEqual([{ line: 4, column: 1, message: 'This action item has no owner: add "@name" or "Owner: name".' }]);
  });

  it('every requirement: one finding per item naming all that is missing; a done item needs no due date', async () => {
    expect(await lint(md, { requireOwner: true, requireTicket: true, requireDue: true })).toEqual([
      {
        line: 4,
        column: 1,
        message:
          'This action item has no owner, ticket or due date: add "@name" or "Owner: name"; add a ticket ("OPS-123", "#123" or a link); add a due date ("due 2024-06-01").',
      },
    ]);
  });

  it('table rows stand at their line', async () => {
    const table = lines(
      '## Action Items',
      '',
      '| Action | Owner | Ticket |',
      '| --- | --- | --- |',
      '| Add an alert | @ana | OPS-1 |',
      '| Review rotation | | |',
    );
    expect(await lint(table, { requireOwner: true, requireTicket: true })).toEqual([
      { line: 6, column: 1, message: 'This action item has no owner or ticket: add "@name" or "Owner: name"; add a ticket ("OPS-123", "#123" or a link).' },
    ]);
  });

  it('the strict preset requires all three, as errors', async () => {
    const findings = (await lintText(md, { config: { extends: 'strict' } })).filter((f) => f.ruleId === 'action-items');
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[4, 2]]);
  });
});
