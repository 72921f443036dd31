// duplicate-section: the same kind twice, at the second occurrence's heading, naming the
// first; sections written in parts, combined headings and restated summary fields are not.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';

const lint = async (md: string) => (await lintText(md, { only: { 'duplicate-section': {} } })).map((f) => ({ line: f.line, message: f.message }));
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('duplicate-section', () => {
  it('reports the second occurrence at its heading and names the first', async () => {
    const md = lines('# Outage', '', '## Root Cause', '', 'A full disk.', '', '## Timeline', '', '- 10:00 alert', '', '### Root cause', '', 'Rotation failed.');
    const findings = await lintText(md, { only: { 'duplicate-section': {} } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 11, column: 1, endLine: 11, endColumn: 15, severity: 1 });
    expect(findings[0]!.message).toBe(
      '"Root cause" (line 11) is a second Root Cause section: the first is "Root Cause" on line 3. Merge the two into one section, or rename this one if it is about something else.',
    );
  });

  it('reports every later occurrence, each naming the first', async () => {
    const md = lines('## Summary', 'a', '## Timeline', '- 10:00 b', '## Summary', 'c', '## Impact', 'd', '## Overview', 'e');
    expect(await lint(md)).toEqual([
      { line: 5, message: expect.stringContaining('is a second Summary section: the first is "Summary" on line 1') },
      { line: 9, message: expect.stringContaining('"Overview" (line 9) is a second Summary section: the first is "Summary" on line 1') },
    ]);
  });

  describe('one section written in parts', () => {
    it('consecutive sections of one kind (Atlassian: Fault, Five whys, Root cause)', async () => {
      expect(await lint(lines('## Summary', 'a', '## Fault', 'b', '## Five whys', 'c', '## Root cause', 'd', '## Timeline', '- 10:00 e'))).toEqual([]);
    });

    it('"Response" then "Recovery"', async () => {
      expect(await lint(lines('## Summary', 'a', '## Response', 'b', '## Recovery', 'c'))).toEqual([]);
    });

    it('a combined heading and the parts it announces, as sub-headings or siblings', async () => {
      expect(await lint(lines('## Root Cause and Resolution', 'a', '### Root Cause', 'b', '### Resolution', 'c', '## Corrective Measures', '- d'))).toEqual([]);
      expect(
        await lint(lines('**Root Cause and Resolution:**', '', '**Root Cause:** a', '', '**Resolution:** b', '', '**Corrective Measures:**', '- d')),
      ).toEqual([]);
    });

    it('a kind a combined heading only names is not a section; a real part that comes back after another kind is a duplicate', async () => {
      expect((await lint(lines('## Root Cause and Resolution', 'a', '## Timeline', '- 10:00 b', '## Resolution', 'c'))).length).toBe(0);
      expect(
        (await lint(lines('## Resolution', 'a', '## Timeline', '- 10:00 b', '## Root Cause and Resolution', 'c', '### Resolution', 'd'))).map((f) => f.line),
      ).toEqual([7]);
    });
  });

  it('unrecognised sections never count', async () => {
    expect(await lint(lines('## Summary', 'a', '## Notes', 'b', '## Timeline', '- 10:00 c', '## Notes', 'd'))).toEqual([]);
  });

  describe('fields restated later (the ALX brief)', () => {
    it('the summary\'s "Root Cause:" field before the full "Root Cause and Resolution"', async () => {
      const md = lines(
        '**Issue Summary:**',
        '',
        '- **Duration:** 10:00 to 11:00 UTC',
        '',
        '**Impact:** 30% of users.',
        '',
        '**Root Cause:**',
        'A full disk.',
        '',
        '**Timeline:**',
        '',
        '- 10:00 UTC alert',
        '',
        '**Root Cause and Resolution:**',
        'The log rotation had failed.',
        '',
        '**Corrective and Preventative Measures:**',
        '- Add an alert',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('a document opening with its fields, without a summary heading', async () => {
      expect(
        await lint(
          lines(
            '**Impact:** all users.',
            '',
            '**Root Cause:** a full disk.',
            '',
            '**Timeline:**',
            '- 10:00 alert',
            '',
            '**Root Cause and Resolution:**',
            'Rotation failed.',
          ),
        ),
      ).toEqual([]);
    });

    it('sub-headings of the summary', async () => {
      expect(
        await lint(
          lines('## Issue Summary', '### Impact', 'All users.', '### Root Cause', 'A disk.', '## Timeline', '- 10:00 a', '## Root Cause', 'Rotation.'),
        ),
      ).toEqual([]);
    });

    it('the phases of a timeline before a "Root Cause and Resolution" with its own "Resolution"', async () => {
      const md = lines(
        'Timeline',
        '',
        'Detection',
        '09:00 alert',
        '',
        'Resolution',
        'Restarted.',
        '',
        'Root Cause and Resolution',
        'A disk.',
        '',
        'Resolution',
        'Freed space.',
      );
      expect(await lint(md)).toEqual([]);
    });

    it("but two full sections at the summary's level are duplicates", async () => {
      const md = lines('## Summary', 'Down.', '', '## Root Cause', 'A disk.', '', '## Timeline', '- 10:00 a', '', '## Root Cause', 'Rotation.');
      expect((await lint(md)).map((f) => f.line)).toEqual([10]);
    });
  });
});
