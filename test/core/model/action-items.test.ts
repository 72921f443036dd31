// Action items under corrective measures: owner, ticket, due date and done state as
// `inspect` shows them, and the item text without its trailing metadata.
import { describe, expect, it } from 'vitest';
import { doc, inspect } from './inspect-helpers.ts';

/** The action items of a corrective-measures section holding `lines`. */
function items(...lines: string[]) {
  return inspect(doc('# T', '', '## Action Items', '', ...lines)).actionItems;
}

describe('action items', () => {
  it('reads owner, ticket and due date, and cleans them off the text', () => {
    expect(items('- Patch Nginx — @ana, OPS-123, due 2023-06-01')).toEqual([
      { line: 5, column: 1, text: 'Patch Nginx', owner: '@ana', ticket: 'OPS-123', due: '2023-06-01', done: false },
    ]);
  });

  it.each([
    ['- Add a disk alert @ana', { owner: '@ana', text: 'Add a disk alert' }],
    ['- Add a disk alert. Owner: Jane', { owner: 'Jane', text: 'Add a disk alert' }],
    ['- Add a disk alert (owner: Jane Doe)', { owner: 'Jane Doe', text: 'Add a disk alert' }],
    ['- Add a disk alert, assigned to @sre-team', { owner: '@sre-team', text: 'Add a disk alert' }],
    ['- Ask @ben to review the runbook', { owner: '@ben', text: 'Ask @ben to review the runbook' }],
  ])('owner: %s', (line, expected) => {
    expect(items(line)[0]).toMatchObject(expected);
  });

  it.each([
    ['- Add configuration drift alerts', null],
    ['- The team responsible for the error reviews the manifest', null],
    ['- Run incident response drills quarterly', null],
    ['- Add a pool alert. Owner: @amina Tracking: AUTH-512', '@amina'],
    ['- Add a pool alert. Owner: Kwame Mensah. Ticket: OBS-284', 'Kwame Mensah'],
  ])('no false owner: %s', (line, owner) => {
    expect(items(line)[0]!.owner).toBe(owner);
  });

  it.each([
    ['- Add a disk alert (OPS-123)', 'OPS-123'],
    ['- Add a disk alert, see #123', '#123'],
    ['- Add a disk alert — https://tracker.example.com/issues/77', 'https://tracker.example.com/issues/77'],
    ['- Add a disk alert [OPS-9](https://jira.example.com/browse/OPS-9)', 'OPS-9'],
  ])('ticket: %s', (line, ticket) => {
    expect(items(line)[0]).toMatchObject({ ticket, text: 'Add a disk alert' });
  });

  it.each([
    ['- Add a disk alert, due 2023-06-01', '2023-06-01'],
    ['- Add a disk alert by June 1, 2023', '2023-06-01'],
    ['- Add a disk alert (due: 2023-06-01)', '2023-06-01'],
    ['- Add a disk alert. Due: 1 June 2023.', '2023-06-01'],
    ['- Add a disk alert (due by Jun 1, 2023).', '2023-06-01'],
  ])('due: %s', (line, due) => {
    expect(items(line)[0]).toMatchObject({ due, text: 'Add a disk alert' });
  });

  it('finds the due date after an earlier "before" or "by" in the text', () => {
    expect(items('- Alert 30 days before expiry, replace certs by hand. Owner @maren, ticket LSP-1412, due 2024-02-20.')[0]).toMatchObject({
      text: 'Alert 30 days before expiry, replace certs by hand',
      owner: '@maren',
      ticket: 'LSP-1412',
      due: '2024-02-20',
    });
  });

  it('cleans "Owner: … · Ticket: … · Due: … · Status: done." off the text and reads done', () => {
    expect(items('- Move the lookup out of the transaction. Owner: @lucas · Ticket: LSP-1533 · Due: 2024-05-28 · Status: done.')[0]).toMatchObject({
      text: 'Move the lookup out of the transaction',
      owner: '@lucas',
      ticket: 'LSP-1533',
      due: '2024-05-28',
      done: true,
    });
  });

  it('reads a status word after the metadata ("…, due 2025-02-14, done.") and cleans it off', () => {
    const out = items('- Keep IPs reserved. Owner @sre, LSP-2033, due 2025-03-31, done.', '- Make the API default. Owner @ines, #512, due 2025-06-30, open.');
    expect(out.map((a) => [a.text, a.owner, a.ticket, a.due, a.done])).toEqual([
      ['Keep IPs reserved', '@sre', 'LSP-2033', '2025-03-31', true],
      ['Make the API default', '@ines', '#512', '2025-06-30', false],
    ]);
  });

  it('does not take a status word inside the sentence for metadata', () => {
    expect(items('- Keep the old hosts until the migration is done')[0]).toMatchObject({ text: 'Keep the old hosts until the migration is done', done: false });
  });

  it('cleans "due TBD" off the text, with due null', () => {
    expect(items('- Agree a notification with the partner. Owner @pp, ticket LSP-3018, due TBD.')[0]).toMatchObject({
      text: 'Agree a notification with the partner',
      due: null,
    });
  });

  it('reads task lists: [x] is done, [ ] is not', () => {
    expect(items('- [x] Rotate the key @ana OPS-1', '- [ ] Add an alert @ben OPS-2').map((a) => [a.line, a.text, a.owner, a.ticket, a.done])).toEqual([
      [5, 'Rotate the key', '@ana', 'OPS-1', true],
      [6, 'Add an alert', '@ben', 'OPS-2', false],
    ]);
  });

  it('reads "Status: done" and ✅ as done in plain lists', () => {
    expect(items('- Rotate the key (OPS-1) ✅', '- Add an alert (OPS-2), status: open', '- Fix docs. Status: completed').map((a) => a.done)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('reads the sub-items of a group label as items, not the label', () => {
    const out = items('- Short term:', '  - Fix the pool size @dan OPS-3', '  - Add an alert @eve OPS-4', '- Long term:', '  - Move to Kubernetes @fay OPS-5');
    expect(out.map((a) => [a.line, a.text, a.owner, a.ticket])).toEqual([
      [6, 'Fix the pool size', '@dan', 'OPS-3'],
      [7, 'Add an alert', '@eve', 'OPS-4'],
      [9, 'Move to Kubernetes', '@fay', 'OPS-5'],
    ]);
  });

  it('reads a label without a colon as a group when its sub-items carry the metadata', () => {
    const out = items('- Long term', '  - Move to Kubernetes @fay OPS-5', '  - Retire the old hosts @gus OPS-6');
    expect(out.map((a) => [a.line, a.text, a.owner, a.ticket])).toEqual([
      [6, 'Move to Kubernetes', '@fay', 'OPS-5'],
      [7, 'Retire the old hosts', '@gus', 'OPS-6'],
    ]);
  });

  it('keeps an item with its own metadata whole, its sub-items being details', () => {
    const out = items('- Add a disk alert @ana OPS-7', '  - at 80% and 95%', '  - on every mount');
    expect(out.map((a) => [a.line, a.text, a.owner, a.ticket])).toEqual([[5, 'Add a disk alert', '@ana', 'OPS-7']]);
  });

  it('reads a table with Action / Owner / Ticket / Due / Status columns', () => {
    const out = items(
      '| Action | Owner | Ticket | Due | Status |', // 5
      '|---|---|---|---|---|', // 6
      '| Patch Nginx | @ana | OPS-9 | 2023-06-01 | Done |', // 7
      '| Add an alert | Jane Doe | [OPS-10](https://jira.example.com/browse/OPS-10) | June 2, 2023 | In progress |', // 8
      '| Write the runbook | — | | | Open |', // 9
    );
    expect(out).toEqual([
      { line: 7, column: 1, text: 'Patch Nginx', owner: '@ana', ticket: 'OPS-9', due: '2023-06-01', done: true },
      { line: 8, column: 1, text: 'Add an alert', owner: 'Jane Doe', ticket: 'OPS-10', due: '2023-06-02', done: false },
      { line: 9, column: 1, text: 'Write the runbook', owner: null, ticket: null, due: null, done: false },
    ]);
  });

  it('reads a status written beside the ticket in a table without a status column', () => {
    const out = items(
      '| Action Item | Type | Owner | Bug |', // 5
      '| --- | --- | --- | --- |', // 6
      '| Update the playbook | mitigate | Abdel | n/a **DONE** |', // 7
      '| Vary the manifests | prevent | Martin | Bug 5554823 **TODO** |', // 8
      '| Test failures | process | ??? | OPS-7 |', // 9
    );
    expect(out.map((a) => [a.text, a.owner, a.ticket, a.done])).toEqual([
      ['Update the playbook', 'Abdel', null, true],
      ['Vary the manifests', 'Martin', 'Bug 5554823', false],
      ['Test failures', null, 'OPS-7', false],
    ]);
  });

  it('shows null for metadata that is not written', () => {
    expect(items('- Write the runbook')).toEqual([{ line: 5, column: 1, text: 'Write the runbook', owner: null, ticket: null, due: null, done: false }]);
  });

  it('reads items only under corrective measures', () => {
    const md = doc(
      '# T',
      '',
      '## Lessons Learned',
      '',
      '- Alerts work @ana',
      '',
      '## Follow-ups',
      '',
      '- Add an alert @ben OPS-1',
      '',
      '## Remediation',
      '',
      '- Fix the pool @cy OPS-2',
    );
    expect(inspect(md).actionItems.map((a) => [a.line, a.text])).toEqual([
      [9, 'Add an alert'],
      [13, 'Fix the pool'],
    ]);
  });
});
