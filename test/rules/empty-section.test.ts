// empty-section: a heading with nothing under it, at the heading's line; and the shapes that
// look empty but are not (parents, timelines in phases, titles, separators).
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { lintText } from '../helpers/lint-text.ts';

const lint = async (md: string) => (await lintText(md, { only: { 'empty-section': {} } })).map((f) => ({ line: f.line, message: f.message }));
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('empty-section', () => {
  it('reports an empty section at its heading, with what the kind should say', async () => {
    const md = lines('# Outage', '', '## Summary', '', 'Down.', '', '## Impact', '', '## Timeline', '', '- 10:00 UTC alert');
    const findings = await lintText(md, { only: { 'empty-section': {} } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'empty-section', severity: 1, line: 7, column: 1, endLine: 7, endColumn: 10 });
    expect(findings[0]!.message).toBe('The "Impact" section is empty: write what users saw (or remove the heading).');
  });

  it('counts comments, thematic breaks and whitespace as nothing; reports a last section too', async () => {
    const md = lines('# Outage', '', '## Summary', '<!-- fill in -->', '', '---', '', '## Root Cause', '', '   ');
    expect(await lint(md)).toEqual([
      { line: 3, message: expect.stringContaining('The "Summary" section is empty: write what happened') },
      { line: 8, message: expect.stringContaining('The "Root Cause" section is empty: write why it happened') },
    ]);
  });

  it('reports setext, bold and plain-line headings with nothing under them', async () => {
    const md = lines('Summary', '-------', '', 'Impact', '------', '', 'All users.', '', '**Timeline:**', '', 'Root Cause', '', 'A full disk.');
    expect((await lint(md)).map((f) => f.line)).toEqual([1, 9]);
    expect((await lint(lines('**Summary:** down.', '', 'Impact', '', 'Timeline', '', '- 10:00 alert'))).map((f) => f.line)).toEqual([3]);
  });

  it('a bold label right under an empty heading belongs to it: the heading is its parent', async () => {
    expect(await lint(lines('## Issue Summary', '', '**Impact:** 30% of users.', '', '**Root Cause:** a full disk.'))).toEqual([]);
  });

  it('a bold heading with its text on the same line is not empty', async () => {
    expect(await lint(lines('**Impact:** 30% of users could not log in.', '', '**Root Cause:** a full disk.'))).toEqual([]);
  });

  describe('sub-headings', () => {
    it('a sub-heading of the same kind stays in its parent: a parent with content under it is not empty', async () => {
      const md = lines(
        '# Outage',
        '',
        '## Lessons Learned',
        '',
        '### What went well',
        '',
        'The alert fired at once.',
        '',
        '### Where we got lucky',
        '',
        'Low traffic.',
      );
      // How the model represents it: one lessons-learned section, the sub-headings inside it.
      const { model } = buildModel('x.md', md);
      expect(model.sections.map((s) => [s.kind, s.heading, s.empty])).toEqual([['lessons-learned', 'Lessons Learned', false]]);
      expect(await lint(md)).toEqual([]);
    });

    it('a parent whose sub-headings have nothing under them is empty', async () => {
      const md = lines('# Outage', '', '## Lessons Learned', '', '### What went well', '', '### What went wrong', '', '## Timeline', '', '- 10:00 alert');
      const { model } = buildModel('x.md', md);
      expect(model.sections[0]).toMatchObject({ kind: 'lessons-learned', empty: false }); // the model counts the sub-headings as content
      const findings = await lintText(md, { only: { 'empty-section': {} } });
      expect(findings.map((f) => `${f.line}:${f.column} ${f.messageId}`)).toEqual(['3:1 emptySubHeadings']);
    });

    it('a heading whose sub-sections (of other kinds) have content is a parent', async () => {
      const md = lines(
        '# Outage',
        '',
        '## The incident',
        '',
        '### Summary',
        '',
        'Down.',
        '',
        '### Timeline',
        '',
        '- 10:00 alert',
        '',
        '# Afterwards',
        '',
        '**Action Items:**',
        '',
        '- Add an alert',
      );
      const { model } = buildModel('x.md', md);
      expect(model.sections.map((s) => [s.kind, s.empty])).toEqual([
        ['other', true],
        ['summary', false],
        ['timeline', false],
        ['other', true],
        ['corrective-measures', false],
      ]);
      expect(await lint(md)).toEqual([]);
    });

    it('a timeline written in phases (detection, resolution) is not empty', async () => {
      const md = lines('## Summary', '', 'Down.', '', '## Timeline', '', '## Detection', '', '- 10:00 alert', '', '## Resolution', '', '- 10:40 fixed');
      expect(await lint(md)).toEqual([]);
    });

    it('a heading continued by the next section of its kind is not empty', async () => {
      const md = lines(
        '## Summary',
        '',
        'Down.',
        '',
        'Corrective and Preventative Measures:',
        '',
        '# Improvements:',
        '',
        'Optimise the cache.',
        '',
        '## Root Cause and Resolution',
        '',
        '### Resolution',
        '',
        'Freed space.',
      );
      expect(await lint(md)).toEqual([]);
    });
  });

  describe('not sections', () => {
    it('an unrecognised heading before every known one is the title, at any level', async () => {
      expect(await lint(lines('### Postmortem', '', '# Summary', '', 'Down.'))).toEqual([]);
      expect(await lint(lines('## Postmortem', '## Summary', '', 'Down.'))).toEqual([]);
    });

    it('but an unrecognised empty heading later is reported', async () => {
      expect(await lint(lines('## Summary', '', 'Down.', '', '## Supporting Documents', ''))).toEqual([
        { line: 5, message: 'The "Supporting Documents" section is empty: write its content (or remove the heading).' },
      ]);
    });

    it('an empty "##" separator, a heading carrying its content, an image body, a sentence heading', async () => {
      const md = lines(
        '## Summary',
        '',
        'Down.',
        '',
        '##',
        '',
        '## Issue Image',
        '',
        '![](error.png)',
        '',
        '## Timeline',
        '',
        '- 10:00 alert',
        '',
        '## Incident Date: March 25, 2024',
        '',
        '## Root Cause',
        '',
        'A full disk.',
        '',
        '# The full post-mortem can be found here.',
        '',
        '# Corrective Measures',
        '',
        '- Add an alert',
      );
      expect(await lint(md)).toEqual([]);
    });
  });
});
