// Sections as `inspect` shows them: kind, heading text, line, style and emptiness, for
// every way postmortems write a heading.
import { describe, expect, it } from 'vitest';
import { doc, inspect, outline } from './inspect-helpers.ts';

describe('headings', () => {
  it('reads ATX headings at levels 1 to 4 as sections; the first H1 is the title', () => {
    const md = doc(
      '# Postmortem: Queue backlog', // 1
      '', // 2
      '# Summary', // 3
      'The queue backed up.', // 4
      '', // 5
      '## Impact', // 6
      '40% of jobs were late.', // 7
      '', // 8
      '### Timeline', // 9
      '- 10:05 — alert', // 10
      '', // 11
      '#### Root Cause', // 12
      'A bad deploy.', // 13
    );
    const out = inspect(md);
    expect(out.title).toBe('Postmortem: Queue backlog');
    expect(outline(md)).toEqual(['summary: Summary @3', 'impact: Impact @6', 'timeline: Timeline @9', 'root-cause: Root Cause @12']);
    expect(out.sections.every((s) => s.style === 'atx')).toBe(true);
  });

  it('reads setext headings (=== and ---)', () => {
    const md = doc(
      'Outage of the search API', // 1
      '========================', // 2
      '', // 3
      'Summary', // 4
      '-------', // 5
      'Search was down.', // 6
      '', // 7
      'Timeline', // 8
      '--------', // 9
      '- 10:05 — alert', // 10
    );
    const out = inspect(md);
    expect(out.title).toBe('Outage of the search API');
    expect(out.sections.map((s) => [s.kind, s.heading, s.line, s.style])).toEqual([
      ['summary', 'Summary', 4, 'setext'],
      ['timeline', 'Timeline', 8, 'setext'],
    ]);
  });

  it('drops numbering, trailing colons and emoji from the heading it shows', () => {
    const md = doc(
      '# Title', // 1
      '', // 2
      '## 1. Issue Summary', // 3
      'x', // 4
      '## 2) Timeline:', // 5
      '- 10:05 — x', // 6
      '## 🔥 Root Cause', // 7
      'x', // 8
      '## ✅ Corrective Measures ✅', // 9
      '- x', // 10
    );
    expect(outline(md)).toEqual([
      'summary: Issue Summary @3',
      'timeline: Timeline @5',
      'root-cause: Root Cause @7',
      'corrective-measures: Corrective Measures @9',
    ]);
  });

  it('reads HTML headings', () => {
    const md = doc('# Title', '', '<h2 id="summary">Issue <em>Summary</em></h2>', '', 'Text.', '', '<h3>Lessons Learned</h3>', '', 'Some.');
    const out = inspect(md);
    expect(out.sections.map((s) => [s.kind, s.heading, s.line, s.style])).toEqual([
      ['summary', 'Issue Summary', 3, 'html'],
      ['lessons-learned', 'Lessons Learned', 7, 'html'],
    ]);
  });

  it('reads an HTML heading directly followed by text (one HTML block in CommonMark)', () => {
    const md = doc('# Title', '', '<h2>Root Cause</h2>', 'A typo in the pool size.', '', '<h2>Resolution</h2>', '<!-- todo -->', '', '## Lessons Learned', 'x');
    expect(inspect(md).sections.map((s) => [s.kind, s.line, s.empty])).toEqual([
      ['root-cause', 3, false],
      ['resolution', 6, true],
      ['lessons-learned', 9, false],
    ]);
  });

  it('reads a bold paragraph alone as a heading: `**Timeline:**`', () => {
    const md = doc('# Title', '', '**Timeline:**', '', '- 10:05 — alert', '- 10:10 — fix');
    const out = inspect(md);
    expect(out.sections).toMatchObject([{ kind: 'timeline', heading: 'Timeline', line: 3, style: 'bold', empty: false }]);
    expect(out.timeline.map((e) => e.text)).toEqual(['alert', 'fix']);
  });

  it('reads `**Issue Summary**` with the text on the next line, and keeps that text as body', () => {
    const md = doc('# Title', '', '**Issue Summary**', 'The cache went cold at 10:05.', '', '**Impact**', '12% of requests failed.');
    const out = inspect(md);
    expect(out.sections).toMatchObject([
      { kind: 'summary', heading: 'Issue Summary', line: 3, style: 'bold', empty: false },
      { kind: 'impact', heading: 'Impact', line: 6, style: 'bold', empty: false },
    ]);
  });

  it('reads `**Root Cause:** text` with the text on the same line', () => {
    const md = doc('# Title', '', '**Root Cause:** a config typo disabled the pool.', '', '**Resolution:** rolled back.');
    const out = inspect(md);
    expect(out.sections).toMatchObject([
      { kind: 'root-cause', heading: 'Root Cause', line: 3, style: 'bold', empty: false },
      { kind: 'resolution', heading: 'Resolution', line: 5, style: 'bold', empty: false },
    ]);
  });

  it('does not take a bold sentence for a heading', () => {
    const md = doc('# Title', '', '## Summary', '', '**Root cause was a typo** in the config, found at 10:05.');
    expect(outline(md)).toEqual(['summary: Summary @3']);
  });

  it('reads a plain line standing alone, with entries on the next lines of the same paragraph', () => {
    const md = doc(
      '# Title', // 1
      '', // 2
      'Summary', // 3
      '', // 4
      'The API was down.', // 5
      '', // 6
      'Timeline', // 7
      '10:05 AM: alert fired', // 8
      '10:20 AM: rolled back', // 9
    );
    const out = inspect(md);
    expect(out.sections.map((s) => [s.kind, s.heading, s.line, s.style, s.empty])).toEqual([
      ['summary', 'Summary', 3, 'plain-line', false],
      ['timeline', 'Timeline', 7, 'plain-line', false],
    ]);
    expect(out.timeline.map((e) => [e.line, e.text])).toEqual([
      [8, 'alert fired'],
      [9, 'rolled back'],
    ]);
  });

  it('reads a plain line as its own paragraph before the entries', () => {
    const md = doc('# Title', '', 'Timeline', '', '10:05 AM: alert fired', '', 'Root Cause', '', 'A typo.');
    expect(outline(md)).toEqual(['timeline: Timeline @3', 'root-cause: Root Cause @7']);
    expect(inspect(md).timeline.map((e) => e.line)).toEqual([5]);
  });

  it('does not take a short sentence or a field for a plain-line heading', () => {
    const md = doc('# Title', '', '## Summary', '', 'Timeline slipped.', '', 'Root cause: a typo', '', 'Impact');
    // "Impact" alone is a heading; a sentence and a "Label: value" field are not.
    expect(outline(md)).toEqual(['summary: Summary @3', 'impact: Impact @9']);
  });

  it('classifies a combined heading by the first kind it names', () => {
    const md = doc('# Title', '', '## Root Cause and Resolution', 'x', '## Corrective and Preventative Measures', '- x', '## Follow-ups', '- y');
    expect(inspect(md).sections.map((s) => s.kind)).toEqual(['root-cause', 'corrective-measures', 'corrective-measures']);
  });

  it('does not make the H1 title a section, whatever follows', () => {
    const md = doc('# Web Stack Outage', '', 'Written by the SRE team.', '', '## Summary', 'x');
    const out = inspect(md);
    expect(out.title).toBe('Web Stack Outage');
    expect(outline(md)).toEqual(['summary: Summary @5']);
  });

  it('keeps dated sub-headings inside the timeline', () => {
    const md = doc(
      '# Title', // 1
      '', // 2
      '## Timeline', // 3
      '', // 4
      '### 2024-03-02', // 5
      '- 23:50 UTC — alert', // 6
      '### 2024-03-03', // 7
      '- 00:10 — fix', // 8
      '', // 9
      '## Root Cause', // 10
      'x', // 11
    );
    expect(outline(md)).toEqual(['timeline: Timeline @3', 'root-cause: Root Cause @10']);
    expect(inspect(md).timeline.map((e) => e.line)).toEqual([6, 8]);
  });

  it('keeps "What went well" inside Lessons Learned', () => {
    const md = doc('# Title', '', '## Lessons Learned', '', '### What went well', '- paging', '### What went wrong', '- docs', '## Appendix', 'x');
    expect(outline(md)).toEqual(['lessons-learned: Lessons Learned @3', 'other: Appendix @9']);
  });

  it('opens a sub-heading that names another kind as its own section, except under the timeline', () => {
    const md = doc(
      '# Title', // 1
      '## Summary', // 2
      'x', // 3
      '### Impact', // 4
      '3% of users.', // 5
      '## Timeline', // 6
      '### Detection', // 7
      '- 10:05 — alert', // 8
      '### Resolution', // 9
      '- 10:30 — fixed', // 10
    );
    // Phases of a timeline ("Detection", "Resolution") are not sections of their own.
    expect(outline(md)).toEqual(['summary: Summary @2', 'impact: Impact @4', 'timeline: Timeline @6']);
    expect(inspect(md).timeline.map((e) => e.line)).toEqual([8, 10]);
  });

  it('makes an unknown heading an `other` section with its text', () => {
    const md = doc('# Title', '', '## Summary', 'x', '', '## Customer Communications', 'We emailed everyone.');
    expect(inspect(md).sections[1]).toMatchObject({ kind: 'other', heading: 'Customer Communications', line: 6, empty: false });
  });

  it('does not take an empty "##" (a separator) for a section', () => {
    const md = doc('# T', '', '## Summary', 'x', '', '##', '', 'More summary.', '', '## Impact', 'y');
    expect(outline(md)).toEqual(['summary: Summary @3', 'impact: Impact @10']);
  });

  it('marks a heading empty when another heading or only a comment follows', () => {
    const md = doc(
      '# Title', // 1
      '## Summary', // 2
      '## Impact', // 3
      '<!-- how many users? -->', // 4
      '', // 5
      '## Timeline', // 6
      '---', // 7
      '## Root Cause', // 8
      'A typo.', // 9
      '## Lessons Learned', // 10
    );
    expect(inspect(md).sections.map((s) => [s.heading, s.empty])).toEqual([
      ['Summary', true],
      ['Impact', true],
      ['Timeline', true],
      ['Root Cause', false],
      ['Lessons Learned', true],
    ]);
  });

  it('does not mark a section empty when its only content is a table or a code block', () => {
    const md = doc('# T', '## Impact', '| Region | Errors |', '|---|---|', '| EU | 4% |', '## Root Cause', '```', 'panic: nil map', '```');
    expect(inspect(md).sections.map((s) => s.empty)).toEqual([false, false]);
  });

  it('gives the heading column and stops the section at the next heading', () => {
    const md = doc('# T', '', '   ## Summary', 'x', '## Impact', 'y');
    const out = inspect(md);
    expect(out.sections.map((s) => [s.line, s.column])).toEqual([
      [3, 4],
      [5, 1],
    ]);
  });
});

describe('field bullets and labels that introduce lists', () => {
  it('reads Google-SRE field bullets as sections, and a field that names no kind as text', () => {
    const md = doc(
      '# Checkout outage',
      '',
      '- Summary: Checkout failed for 40 minutes.',
      '- Impact: 1,200 orders failed.',
      '- Root Causes: A config push removed the route.',
      '- Trigger: The push at 10:00.',
      '- Detection: The error-rate alert.',
      '',
      '## Timeline',
      '',
      '- 10:00 push',
    );
    expect(outline(md)).toEqual(['summary: Summary @3', 'impact: Impact @4', 'root-cause: Root Causes @5', 'detection: Detection @7', 'timeline: Timeline @9']);
    expect(inspect(md).sections[0]).toMatchObject({ style: 'field', empty: false });
  });

  it('keeps a list of ordinary bullets with colons a list', () => {
    const md = doc('# T', '', '## Summary', '', '- Owner: ana', '- Status: done', '- Impact: small');
    expect(outline(md)).toEqual(['summary: Summary @3']);
  });

  it('does not open a section for a label that introduces a list inside a section', () => {
    const md = doc(
      '# T',
      '',
      '## Impact',
      '',
      '**Affected Services:**',
      '',
      '- checkout',
      '- payments',
      '',
      '## Timeline',
      '',
      '- 10:00 alert',
      '',
      'Gradual recovery:',
      '',
      '- 10:30 payments back',
      '',
      '**Root Cause:**',
      '',
      '- a bad push',
    );
    expect(outline(md)).toEqual(['impact: Impact @3', 'timeline: Timeline @10', 'root-cause: Root Cause @18']);
    expect(inspect(md).timeline.map((e) => e.line)).toEqual([12, 16]);
  });
});
