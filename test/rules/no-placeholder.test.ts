import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';

const run = async (markdown: string, options: Record<string, unknown> = {}) =>
  (await lintText(markdown, { only: { 'no-placeholder': options } })).filter((f) => f.ruleId === 'no-placeholder');
const messages = async (markdown: string, options: Record<string, unknown> = {}) => (await run(markdown, options)).map((f) => f.message);

describe('no-placeholder', () => {
  it('names each kind of finding by its message id, at the placeholder', async () => {
    const findings = await run(
      '# {{service}} outage\n\n## Summary\n\nTODO on 20XX-XX-XX at XX:XX in 20XX: [insert impact], TBD, lorem ipsum.\n\nOwner: ???\n\n## Root Cause\n\nN/A\n\n## Impact\n\nDescribe the impact on customers.\n',
    );
    expect(findings.map((f) => `${f.line}:${f.column} ${f.messageId}`)).toEqual([
      '1:3 variable',
      '5:1 note',
      '5:9 date',
      '5:23 time',
      '5:32 year',
      '5:38 prompt',
      '5:55 tbd',
      '5:60 filler',
      '7:8 unknown',
      '11:1 notApplicable',
      '15:1 guidance',
    ]);
  });

  it('finds notes and TBDs where they stand, with the label the line gives', async () => {
    const findings = await run('# Outage\n\n## Summary\n\nImpact: TBD\n\n**Owner:** TBA\n\nFIXME add the graph\n');
    expect(findings.map((f) => [f.line, f.column, f.endColumn])).toEqual([
      [5, 9, 12],
      [7, 12, 15],
      [9, 1, 6],
    ]);
    expect(findings[0]!.message).toBe('Replace "TBD" with the impact or remove it: it is a placeholder left from the template.');
    expect(findings[1]!.message).toContain('Replace "TBA" with the owner');
    expect(findings[2]!.message).toContain('"FIXME" is a note left in the text');
  });

  it('finds dates, years and times written with X, and format names outside parentheses', async () => {
    expect(
      await messages('## Summary\n\nOn 2024-XX-XX at 1X:XX the site went down; in 20XX we had 202X outages; xx:xx; date: YYYY-MM-DD; at HH:MM.\n'),
    ).toEqual([
      expect.stringContaining('Replace "2024-XX-XX" with the actual date'),
      expect.stringContaining('Replace "1X:XX" with the actual time'),
      expect.stringContaining('Replace "20XX" with the actual year'),
      expect.stringContaining('Replace "202X" with the actual year'),
      expect.stringContaining('Replace "xx:xx" with the actual time'),
      expect.stringContaining('Replace "YYYY-MM-DD" with the actual date'),
      expect.stringContaining('Replace "HH:MM" with the actual time'),
    ]);
  });

  it('finds bracketed prompts, angle prompts (parsed as HTML), template variables and lorem ipsum', async () => {
    const found = await messages(
      '# {{ incident_title }}\n\n## Summary\n\n[Your Name] wrote this. [SERVICE NAME] was down for [duration].\n\n<insert a short summary here>\n\nCaused by <root cause>. Lorem ipsum dolor sit amet.\n',
    );
    expect(found).toEqual([
      expect.stringContaining('Fill in the template variable "{{ incident_title }}"'),
      expect.stringContaining('"[Your Name]"'),
      expect.stringContaining('"[SERVICE NAME]"'),
      expect.stringContaining('"[duration]"'),
      expect.stringContaining('"<insert a short summary here>"'),
      expect.stringContaining('"<root cause>"'),
      expect.stringContaining('Replace the filler text "Lorem ipsum dolor sit amet"'),
    ]);
  });

  it('reads frontmatter values and names their key', async () => {
    const found = await run('---\ntitle: TBD\ndate: 20XX-XX-XX\n---\n# Outage\n');
    expect(found.map((f) => f.line)).toEqual([2, 3]);
    expect(found[0]!.message).toContain('Replace "TBD" with the title or remove it');
    expect(found[1]!.message).toContain('Replace "20XX-XX-XX" with the actual date');
  });

  it('reports a content section that says only N/A, not N/A in a table or in other sections', async () => {
    const found = await run('# Outage\n\n## Root Cause\n\nN/A\n\n## Impact\n\n| Region | Users |\n| --- | --- |\n| EU | N/A |\n\n## Appendix\n\nN/A\n');
    expect(found.map((f) => [f.line, f.column])).toEqual([[5, 1]]);
    expect(found[0]!.message).toContain('The Root Cause section holds only "N/A"');
  });

  it('tells status values from missing values in action-item tables', async () => {
    const found = await run(
      '## Action Items\n\n| Item | Owner | Due | Status | Bug |\n| --- | --- | --- | --- | --- |\n| Add alert | TBD | ??? | TODO | n/a **TODO** |\n| Fix pool | @li | 2024-06-01 | DONE | Bug 5554823 **TODO** |\n| Review | TODO | 2024-06-01 | DONE | |\n',
    );
    expect(found.map((f) => f.message.slice(0, 37))).toEqual([
      'Replace "TBD" with the owner or remov',
      'Replace "???" with the due date or re',
      '"TODO" is a note left in the text: fi',
    ]);
    expect(found.map((f) => f.line)).toEqual([5, 5, 7]);
  });

  it('keeps TODO that names a to-do: mentions, list titles, corrective-measure labels', async () => {
    expect(
      await run(
        '# Outage\n\n## Corrective Measures\n\nBe very specific, like a TODO. Our TODO list:\n\n- TODO: patch Nginx\n- TODO: add monitoring\n\n## TODO\n\n- Rotate the keys\n\n### Specific Tasks (TODO List)\n\n- Add an alert\n',
      ),
    ).toEqual([]);
    // A list of items labelled TODO, outside the corrective section.
    expect(await run('# Outage\n\n## Follow-up work\n\n* <ins>**TODO</ins>:** Improve monitoring.\n* <ins>**TODO</ins>:** Add auto-scaling.\n')).toEqual([]);
  });

  it("still reports a TODO note in a heading, in prose, or as a corrective section's only content", async () => {
    expect((await run('# Outage\n\n## Root Cause\n\nTODO: confirm with the database team.\n')).map((f) => f.line)).toEqual([5]);
    expect((await run('# Outage\n\n_//TODO: write the details._\n\nText.\n')).length).toBe(1);
    expect((await run('# Outage\n\n## Action Items\n\nTODO\n')).length).toBe(1);
  });

  it('does not read code, inline code, HTML comments, words that contain the letters, or quoted mentions', async () => {
    expect(
      await run(
        '# Mastodon outage\n\nThe `TODO` marker and ```TBD``` are code. Photodon, todos, stbd, XXL, 20XXL, XX-large.\n\n```\nTODO: 20XX-XX-XX [insert name] {{ var }}\n```\n\n<!-- TODO: hidden note -->\n\nThe template\'s "TBD" fields and ‘TODO’ notes were all filled in.\n\nLogs showed [ERROR] and [WARN] lines; see <details><summary>More</summary>text</details>.\n',
      ),
    ).toEqual([]);
  });

  it('finds prompts in any case, lower-case X dates, a note in a link, and N/A under a comment and emphasis', async () => {
    const findings = await run(
      '# Outage\n\n## Summary\n\n[INSERT ROOT CAUSE] on 2024-xx-xx, see www.example.com/TODO and <Your Name>.\n\n## Root Cause\n\n<!-- Write the cause here. -->\n**N.A..**\n',
    );
    expect(findings.map((f) => [f.line, f.column, f.message.slice(0, 40)])).toEqual([
      [5, 1, 'Replace the template prompt "[INSERT ROO'],
      [5, 24, 'Replace "2024-xx-xx" with the actual dat'],
      [5, 56, '"TODO" is a note left in the text: finis'],
      [5, 65, 'Replace the template prompt "<Your Name>'],
      [10, 3, 'The Root Cause section holds only "N.A..'],
    ]);
  });

  it('allows format names in parentheses', async () => {
    expect(await run('## Timeline (HH:MM UTC)\n\n| Time (hh:mm) | Date (YYYY-MM-DD) |\n| --- | --- |\n| 10:00 | 2024-05-10 |\n')).toEqual([]);
  });

  it('skips drafts unless ignoreDrafts is false', async () => {
    const draft = '---\nstatus: Draft\n---\n# Outage\n\nImpact: TBD\n';
    expect(await run(draft)).toEqual([]);
    expect((await run(draft, { ignoreDrafts: false })).length).toBe(1);
    expect((await run('---\nstatus: published\n---\n# Outage\n\nImpact: TBD\n')).length).toBe(1);
  });
});

describe('no-placeholder in YAML', () => {
  it('treats YAML quotes as syntax, not as a mention', async () => {
    const findings = (await lintText('---\ntitle: "TBD"\nowner: \'TBD\'\n---\n# Outage\n', { only: { 'no-placeholder': {} } })).filter(
      (f) => f.ruleId === 'no-placeholder',
    );
    expect(findings.map((f) => [f.line, f.message.slice(0, 34)])).toEqual([
      [2, 'Replace "TBD" with the title or re'],
      [3, 'Replace "TBD" with the owner or re'],
    ]);
  });
});

describe('no-placeholder: template guidance left as a section', () => {
  const guidance = async (body: string) =>
    (await lintText(`# Outage\n\n## Lessons Learned\n\n${body}\n`, { only: { 'no-placeholder': {} } })).map((f) => f.message);

  it.each([
    'List of things that went well. For example, the alert fired within a minute.',
    '_Note the final root cause and what needs to change._',
    'Human-friendly 1-sentence statement of what went wrong.',
    'Describe how and when the service was restored.',
  ])('reports %j', async (body) => {
    expect(await guidance(body)).toEqual([expect.stringContaining("holds only the template's guidance")]);
  });

  it.each([
    'We learned that the alert fired within a minute.',
    'Describe how and when the service was restored.\n\nIt was restored at 10:40 by a rollback.',
    'Noted: the disk filled because log rotation was off.',
  ])('does not report %j', async (body) => {
    expect(await guidance(body)).toEqual([]);
  });
});
