import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import type { SectionKind } from '../../../src/core/model.ts';
import {
  canonicalHeading,
  classifyHeading,
  cleanHeadingText,
  looksLikeHeadingLine,
  normaliseHeading,
  sectionAliases,
} from '../../../src/core/sections/classify.ts';

const kindOf = (raw: string, extra?: ReadonlyMap<string, SectionKind>): SectionKind | null => classifyHeading(raw, extra)?.kind ?? null;

function expectKinds(cases: readonly (readonly [string, SectionKind | null])[]): void {
  const wrong = cases.map(([raw, want]) => ({ raw, want, got: kindOf(raw) })).filter((c) => c.got !== c.want);
  expect(wrong).toEqual([]);
}

describe('classifyHeading: plain spellings', () => {
  it('maps the four ALX sections and their variants', () => {
    expectKinds([
      ['Issue Summary', 'summary'],
      ['Incident Summary', 'summary'],
      ['Executive Summary', 'summary'],
      ['Summary', 'summary'],
      ['Overview', 'summary'],
      ['Incident Overview', 'summary'],
      ['TL;DR', 'summary'],
      ['TLDR', 'summary'],
      ['What happened?', 'summary'],
      ['Description', 'summary'],
      ['Timeline', 'timeline'],
      ['timeline', 'timeline'],
      ['TIMELINE', 'timeline'],
      ['Timeline of Events', 'timeline'],
      ['Incident Timeline', 'timeline'],
      ['Events Timeline', 'timeline'],
      ['Chronology', 'timeline'],
      ['Sequence of events', 'timeline'],
      ['Root Cause', 'root-cause'],
      ['Root Causes', 'root-cause'],
      ['Root cause(s)', 'root-cause'],
      ['Root Cause Analysis', 'root-cause'],
      ['RCA', 'root-cause'],
      ['Why did it happen?', 'root-cause'],
      ['Why did this happen?', 'root-cause'],
      ['What caused the incident?', 'root-cause'],
      ['Contributing Factors', 'root-cause'],
      ['Causes', 'root-cause'],
      ['Cause of the problem', 'root-cause'],
      ['Probable cause', 'root-cause'],
      ['Cause', 'root-cause'],
      ['Corrective and Preventative Measures', 'corrective-measures'],
      ['Corrective and Preventive Measures', 'corrective-measures'],
      ['Corrective & Preventive Measures', 'corrective-measures'],
      ['Corrective/Preventative Measures', 'corrective-measures'],
      ['Corrective Measures', 'corrective-measures'],
      ['Preventive measures', 'corrective-measures'],
      ['Long-term preventative measures', 'corrective-measures'],
      ['Prevention', 'corrective-measures'],
      ['Action Items', 'corrective-measures'],
      ['Follow-ups', 'corrective-measures'],
      ['Follow-up actions', 'corrective-measures'],
      ['Remediation', 'corrective-measures'],
      ['Next steps', 'corrective-measures'],
      ['To do', 'corrective-measures'],
      ['TODO', 'corrective-measures'],
      ['Tasks', 'corrective-measures'],
      ['Task list', 'corrective-measures'],
      ['Tasks to address the issue', 'corrective-measures'],
      ['Improvements', 'corrective-measures'],
      ['Improvements/Fixes', 'corrective-measures'],
      ['Improvements and fixes', 'corrective-measures'],
      ["What we're doing about it", 'corrective-measures'],
      ['What we’re doing about it', 'corrective-measures'],
      ['How can we prevent similar unexpected issues from occurring again?', 'corrective-measures'],
      ['How to prevent this in the future', 'corrective-measures'],
    ]);
  });

  it('maps impact, detection, resolution and lessons', () => {
    expectKinds([
      ['Impact', 'impact'],
      ['The Impact', 'impact'],
      ['Customer Impact', 'impact'],
      ['User Impact', 'impact'],
      ['Business Impact', 'impact'],
      ['End-user impact', 'impact'],
      ['Productivity impact', 'impact'],
      ['Impact on users', 'impact'],
      ['Blast radius', 'impact'],
      ['What was impacted', 'impact'],
      ['Who was affected?', 'impact'],
      ['Detection', 'detection'],
      ['How was it detected?', 'detection'],
      ['How did we detect it?', 'detection'],
      ['When did we notice?', 'detection'],
      ['How we found out', 'detection'],
      ['Issue Detection', 'detection'],
      ['Discovery', 'detection'],
      ['Resolution', 'resolution'],
      ['Incident Resolution', 'resolution'],
      ['Resolution and Recovery', 'resolution'],
      ['Recovery', 'resolution'],
      ['Mitigation', 'resolution'],
      ['Fix', 'resolution'],
      ['The Fix', 'resolution'],
      ['Solution', 'resolution'],
      ['How we fixed it', 'resolution'],
      ['How did we respond and recover?', 'resolution'],
      ['How the issue was fixed', 'resolution'],
      ['Resolution steps', 'resolution'],
      ['Lessons Learned', 'lessons-learned'],
      ['Lessons learnt', 'lessons-learned'],
      ['Learnings', 'lessons-learned'],
      ['Key Takeaways', 'lessons-learned'],
      ['Takeaways', 'lessons-learned'],
      ['What went well', 'lessons-learned'],
      ['What went wrong', 'lessons-learned'],
      ['What went well/wrong', 'lessons-learned'],
      ['Where we got lucky', 'lessons-learned'],
      ['Retrospective', 'lessons-learned'],
    ]);
  });
});

describe('classifyHeading: templates', () => {
  it('does not take "Trigger" alone for a root cause (the Google SRE template lists both)', () => {
    expect(classifyHeading('Trigger')).toBeNull();
    expect(classifyHeading('Trigger(s)')).toBeNull();
  });

  it('Google SRE book', () => {
    expectKinds([
      ['Summary', 'summary'],
      ['Impact', 'impact'],
      ['Root Causes', 'root-cause'],
      ['Resolution', 'resolution'],
      ['Detection', 'detection'],
      ['Action Items', 'corrective-measures'],
      ['Lessons Learned', 'lessons-learned'],
      ['What went well', 'lessons-learned'],
      ['What went wrong', 'lessons-learned'],
      ['Where we got lucky', 'lessons-learned'],
      ['Timeline', 'timeline'],
      ['Supporting information', null],
    ]);
  });

  it('PagerDuty', () => {
    expectKinds([
      ['Summary', 'summary'],
      ['Leadup', null],
      ['Fault', 'root-cause'],
      ['Impact', 'impact'],
      ['Detection', 'detection'],
      ['Response', 'resolution'],
      ['Recovery', 'resolution'],
      ['Timeline', 'timeline'],
      ['Root cause identification: The Five Whys', 'root-cause'],
      ['Related Records', null],
      ['Lessons Learned', 'lessons-learned'],
      ['Corrective Actions', 'corrective-measures'],
    ]);
  });

  it('Atlassian', () => {
    expectKinds([
      ['Incident summary', 'summary'],
      ['Leadup', null],
      ['Lead-up', null],
      ['Fault', 'root-cause'],
      ['Impact', 'impact'],
      ['Detection', 'detection'],
      ['Response', 'resolution'],
      ['Recovery', 'resolution'],
      ['Timeline', 'timeline'],
      ['Five whys', 'root-cause'],
      ['5 Whys', 'root-cause'],
      ['Root cause', 'root-cause'],
      ['Blameless root cause', 'root-cause'],
      ['Backlog check', null],
      ['Recurrence', null],
      ['Lessons learned', 'lessons-learned'],
      ['Corrective actions', 'corrective-measures'],
    ]);
  });
});

describe('classifyHeading: heading styles', () => {
  it('numbering', () => {
    expectKinds([
      ['1. Issue Summary', 'summary'],
      ['1.Issue Summary', 'summary'],
      ['1) Timeline', 'timeline'],
      ['2.1 Root Cause', 'root-cause'],
      ['II. Timeline', 'timeline'],
      ['iv) Resolution', 'resolution'],
      ['B. Impact', 'impact'],
      ['Step 2 - Timeline', 'timeline'],
      ['Step 2: Timeline', 'timeline'],
      ['Part 3: Root Cause and Resolution', 'root-cause'],
      ['Section 4: Corrective and Preventative Measures', 'corrective-measures'],
      ['Phase one — Detection', 'detection'],
      ['3 - Resolution', 'resolution'],
      ['1 Issue Summary', 'summary'],
      ['1️⃣ Issue Summary', 'summary'],
    ]);
  });

  it('trailing colons, periods and dashes', () => {
    expectKinds([
      ['Timeline:', 'timeline'],
      ['Issue Summary:', 'summary'],
      ['Root Cause and Resolution;', 'root-cause'],
      ['Solution.', 'resolution'],
      ['Impact -', 'impact'],
      ['Resolution:  ', 'resolution'],
    ]);
  });

  it('emoji and shortcodes', () => {
    expectKinds([
      ['📝 Issue Summary 📋', 'summary'],
      ['🕐 Timeline', 'timeline'],
      ['⏱️ Timeline', 'timeline'],
      ['Timeline⏱️', 'timeline'],
      ['🔍 Root Cause', 'root-cause'],
      ['✅ Corrective Measures', 'corrective-measures'],
      ['🚨 Incident Summary:', 'summary'],
      ['Corrective✅ and Preventative ✋Measures', 'corrective-measures'],
      ['🕵️‍♂️ Root Cause & Resolution:', 'root-cause'],
      [':memo:  Issue Summary', 'summary'],
      [':globe_with_meridians:  Timeline (UTC−05:00)', 'timeline'],
    ]);
  });

  it('decorations, stray markup, quotes and brackets', () => {
    expectKinds([
      ['== Timeline ==', 'timeline'],
      ['--- Root Cause ---', 'root-cause'],
      ['*** Impact ***', 'impact'],
      ['~~ Resolution ~~', 'resolution'],
      ['| Timeline |', 'timeline'],
      ['## Timeline', 'timeline'],
      ['###Debugging process', 'timeline'],
      ['**Root Cause and Resolution:**', 'root-cause'],
      ['__Timeline:__', 'timeline'],
      ['Root Cause and Resolution:**', 'root-cause'],
      ['"Timeline"', 'timeline'],
      ["'Impact'", 'impact'],
      ['[Timeline]', 'timeline'],
      ['(Timeline)', 'timeline'],
      ['<ins>Root Cause and Resolution</ins>', 'root-cause'],
      ['Action items <a href="#action-items" id="action-items"></a>', 'corrective-measures'],
      ['<span style="color: #ff6347;">Root Cause:</span>', 'root-cause'],
      ['h2 Timeline (all in Greenwich Mean Time)', 'timeline'],
    ]);
  });

  it('descriptive tails', () => {
    expectKinds([
      ['Timeline (all times UTC)', 'timeline'],
      ['Timeline(all times in UTC)', 'timeline'],
      ['Timeline - PST', 'timeline'],
      ['Timeline – all times approximate', 'timeline'],
      ['Timeline (PST) 4/21/23-4/25/23. All times approximations', 'timeline'],
      ['Root Cause - what happened', 'root-cause'],
      ['Issue Summary (for the execs)', 'summary'],
      ['Issue Summary: When our database took a nap', 'summary'],
      ['Issue Summary: Duration: 2 hours (9:00 AM - 11:00 AM, UTC)', 'summary'],
      ["Corrective and Preventative Measures (let's not do this again)", 'corrective-measures'],
      ['Lessons Learned (the fun part)', 'lessons-learned'],
      ['Timeline of chaos:', 'timeline'],
    ]);
  });

  it('combined headings take the first kind they name', () => {
    expectKinds([
      ['Root Cause and Resolution', 'root-cause'],
      ['Root Cause & Resolution', 'root-cause'],
      ['Resolution and Recovery', 'resolution'],
      ['Detection and Response', 'detection'],
      ['Mitigation & Resolution', 'resolution'],
      ['Mitigation and future prevention', 'resolution'],
      ['Discovery, Investigation, and Resolution', 'detection'],
      ['Corrective measures and prevention', 'corrective-measures'],
      ['Lessons learned and future improvements', 'lessons-learned'],
      ['Learnings and next steps', 'lessons-learned'],
      ['Conclusion and next steps', 'corrective-measures'],
      ['Issue detection and actions taken', 'detection'],
      ['Action Items & Followups', 'corrective-measures'],
      ['Server root cause and resolution', 'root-cause'],
      ['Prevention: Lessons Learned', 'corrective-measures'],
    ]);
  });

  it('keeps the author’s heading text for display', () => {
    expect(classifyHeading('1. Issue Summary:')).toEqual({ kind: 'summary', heading: 'Issue Summary' });
    expect(classifyHeading('📝 Issue Summary 📋')?.heading).toBe('Issue Summary');
    expect(classifyHeading('**Root Cause and Resolution:**')?.heading).toBe('Root Cause and Resolution');
    expect(classifyHeading('== Timeline ==')?.heading).toBe('Timeline');
    expect(classifyHeading('II. timeline')?.heading).toBe('timeline');
    expect(classifyHeading('Step 2 - Timeline')?.heading).toBe('Timeline');
    expect(classifyHeading('Timeline (all times UTC)')?.heading).toBe('Timeline (all times UTC)');
    expect(classifyHeading('Corrective✅ and Preventative ✋Measures')?.heading).toBe('Corrective and Preventative Measures');
    expect(classifyHeading('5 Whys')?.heading).toBe('5 Whys');
    expect(cleanHeadingText('🚨 The Dramatic Discovery')).toBe('The Dramatic Discovery');
  });
});

describe('classifyHeading: negatives', () => {
  it('returns null for sentences', () => {
    expectKinds([
      ['The timeline of the fix was short.', null],
      ['Root cause was a typo in the config.', null],
      ['Root cause was a typo in the config', null],
      ['We updated the timeline after the review', null],
      ['The impact was minimal', null],
      ['Timeline and root cause were unclear at first', null],
      ['Resolution took two hours because the database was locked', null],
      ['Check the timeline', null],
      ['The summary is below', null],
      ['Impact on users was large', null],
      ['I fixed it by restarting Apache', null],
      ['Then we restarted nginx and it worked', null],
      ['Impact: none', 'impact'],
    ]);
  });

  it('returns null for headings that name no kind', () => {
    expectKinds([
      ['Postmortem', null],
      ['Post-mortem', null],
      ['Postmortem: Web Stack Outage', null],
      ['0x19. Postmortem', null],
      ['My first postmortem', null],
      ['Introduction', null],
      ['Author', null],
      ['Authors', null],
      ['Resources', null],
      ['Conclusion', null],
      ['Conclusion:', null],
      ['Background', null],
      ['Investigation', null],
      ['Escalation:', null],
      ['Duration', null],
      ['Actions Taken', null],
      ['Misleading paths', null],
      ['Supporting information', null],
      ['Q&A', null],
      ['FAQ', null],
      ['License', null],
      ['Incident report: 504 error / site outage', null],
      ['Web stack outage - postmortem', null],
      ['Q: why did the netspace go down?', null],
      ['Monitoring and alerts', null],
      ['Performance, alerting, and notification records;', null],
      // The ALX brief's prompts inside the timeline must not end it.
      ['When was the issue detected?', null],
      ['How was the issue detected (monitoring alert, an engineer noticed something…)', null],
      ['how the incident was resolved', null],
      ['Which team/individuals was the incident escalated to', null],
      ['7:00:', null],
      ['', null],
      ['   ', null],
      ['📝', null],
      ['---', null],
    ]);
  });
});

describe('extra aliases', () => {
  it('adds and overrides aliases, normalised like the built-ins', () => {
    const extra = new Map<string, SectionKind>([
      ['Was wir gelernt haben', 'lessons-learned'],
      ['Chronologie', 'timeline'],
      ['Description', 'other'],
      [normaliseHeading('Blast Zone'), 'impact'],
    ]);
    expect(kindOf('## Was wir gelernt haben:', extra)).toBe('lessons-learned');
    expect(kindOf('1. Chronologie (UTC)', extra)).toBe('timeline');
    expect(kindOf('Incident Chronologie', extra)).toBe('timeline');
    expect(kindOf('BLAST ZONE', extra)).toBe('impact');
    expect(kindOf('Description', extra)).toBeNull();
    expect(kindOf('Description')).toBe('summary');
    expect(kindOf('Timeline', extra)).toBe('timeline');
    expect(kindOf('Chronologie')).toBeNull();
  });

  it('normaliseHeading strips decorations, numbering and tails', () => {
    expect(normaliseHeading('1. **Root Cause & Resolution:**')).toBe('root cause and resolution');
    expect(normaliseHeading('⏱️ Timeline (all times UTC)')).toBe('timeline');
    expect(normaliseHeading('Follow-ups')).toBe('follow ups');
    expect(normaliseHeading('Improvements/Fixes')).toBe('improvements / fixes');
    expect(normaliseHeading("What we're doing about it")).toBe('what were doing about it');
    expect(normaliseHeading(normaliseHeading('Discovery, Investigation, and Resolution'))).toBe(normaliseHeading('Discovery, Investigation, and Resolution'));
  });
});

describe('looksLikeHeadingLine', () => {
  const expectHeadingLines = (expected: boolean, lines: string[]): void => {
    for (const line of lines) expect(looksLikeHeadingLine(line), line).toBe(expected);
  };

  it('accepts short standalone labels', () => {
    expectHeadingLines(true, [
      'Timeline',
      'Timeline:',
      'Root cause and resolution',
      'Corrective and preventative measures:',
      '**Issue Summary**',
      '== Timeline ==',
      'II. Timeline',
      '📝 Issue Summary',
      'What happened?',
      'Improvements/Fixes:',
    ]);
  });

  it('rejects sentences, list items, times and code', () => {
    expectHeadingLines(false, [
      '',
      'The timeline of the fix was short.',
      'Root cause was a typo.',
      'We restarted the server and everything came back up after a while',
      '- Timeline',
      '* Timeline',
      '1. Timeline',
      '> Timeline',
      '| Timeline |',
      '10:05 Timeline',
      '10:05 AM alert fired',
      '9 AM pager',
      '2023-05-10 deploy',
      'May 10 deploy',
      '[10:05] alert',
      '`Timeline`',
      'root@host:/# ls',
      'https://example.com/timeline',
      'x = 1',
      'Fixed it. Then left',
      'Resolution,',
      'Detection Time: 01:15 AM (UTC)',
      'Duration: 2 hours',
      '![Incident timeline](timeline.png)',
      '[Timeline](#timeline)',
    ]);
  });
});

describe('canonical names and the alias table', () => {
  it('gives one canonical heading per kind, which classifies back to it', () => {
    const kinds: SectionKind[] = ['summary', 'impact', 'timeline', 'detection', 'root-cause', 'resolution', 'corrective-measures', 'lessons-learned'];
    for (const kind of kinds) expect(kindOf(canonicalHeading(kind))).toBe(kind);
    expect(canonicalHeading('root-cause')).toBe('Root Cause');
    expect(canonicalHeading('corrective-measures')).toBe('Corrective and Preventative Measures');
    expect(canonicalHeading('other')).toBe('Other');
  });

  it('every alias in the table classifies to its kind', () => {
    const table = sectionAliases();
    expect(table.length).toBeGreaterThan(100);
    const wrong = table.filter((e) => kindOf(e.alias) !== e.kind);
    expect(wrong).toEqual([]);
  });
});

// ── the public corpus ────────────────────────────────────────────────────────────────────────

const corpusUrl = new URL('../../../../shared/corpus/public/', import.meta.url);
const corpusDir = fileURLToPath(corpusUrl);
const corpusExists = existsSync(corpusDir);

type Style = 'atx' | 'setext' | 'bold' | 'plain-line';
interface Candidate {
  text: string;
  style: Style;
}

const ATX_RE = /^ {0,3}#{1,6}(?:[ \t]+|$)(.*)$/;
const ATX_CLOSE_RE = /[ \t]+#+[ \t]*$/;
const SETEXT_RE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BOLD_LINE_RE = /^[ \t]*(\*\*|__)(.+)\1[ \t]*[:;]?[ \t]*$/;
const FENCE_RE = /^ {0,3}(?:```|~~~)/;
const BLOCK_START_RE = /^ {0,3}(?:[-*+][ \t]|\d{1,3}[.)][ \t]|#|>|\||```|~~~)/;

/** Heading candidates the way the parser will see them, without depending on it. */
function candidates(source: string): Candidate[] {
  const lines = source.split(/\r?\n/);
  const out: Candidate[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE_RE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const atx = ATX_RE.exec(line);
    if (atx) {
      out.push({ text: (atx[1] ?? '').replace(ATX_CLOSE_RE, ''), style: 'atx' });
      continue;
    }
    if (line.trim() === '') continue;
    const prev = i > 0 ? (lines[i - 1] ?? '') : '';
    const next = lines[i + 1] ?? '';
    if (SETEXT_RE.test(next) && !BLOCK_START_RE.test(line) && (prev.trim() === '' || i === 0)) {
      out.push({ text: line.trim(), style: 'setext' });
      continue;
    }
    const bold = BOLD_LINE_RE.exec(line);
    if (bold) {
      out.push({ text: line.trim(), style: 'bold' });
      continue;
    }
    // A short line of its own, standalone or the first line of a block of plain lines: many
    // corpus files are plain text with "Timeline" on one line and the entries on the next.
    if (looksLikeHeadingLine(line)) out.push({ text: line.trim(), style: 'plain-line' });
  }
  return out;
}

/** Parenthesised tails, then everything that is not a letter: "## ⏱️ Timeline (UTC):" → "timeline". */
const PAREN_RE = /\([^()]*\)/g;
const NON_LETTER_RE = /[^\p{L}]+/gu;
const LIST_ITEM_RE = /^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]/;

/** Whether a line holds the word "timeline" and nothing else but markup, emoji and a "(…)" tail. */
function timelineAlone(line: string): boolean {
  if (LIST_ITEM_RE.test(line)) return false;
  return line.replace(PAREN_RE, ' ').replace(NON_LETTER_RE, '').toLowerCase() === 'timeline';
}

describe.skipIf(!corpusExists)('the public corpus', () => {
  it('classifies the corpus headings', () => {
    const files = readdirSync(corpusDir)
      .filter((f) => f.endsWith('.md'))
      .sort();
    expect(files.length).toBeGreaterThan(0);

    const byKind = new Map<string, number>();
    const byStyle = new Map<string, number>();
    const totalByStyle = new Map<string, number>();
    const unmapped = new Map<string, number>();
    const missingTimeline: string[] = [];
    let withTimelineLine = 0;
    let timelineFound = 0;
    let calls = 0;
    let elapsed = 0;

    for (const file of files) {
      const source = readFileSync(new URL(file, corpusUrl), 'utf8');
      const cands = candidates(source);
      let inFence = false;
      const hasTimelineLine = source.split(/\r?\n/).some((line) => {
        if (FENCE_RE.test(line)) inFence = !inFence;
        return !inFence && timelineAlone(line);
      });
      let hasTimeline = false;
      for (const c of cands) {
        const t0 = performance.now();
        const result = classifyHeading(c.text);
        elapsed += performance.now() - t0;
        calls++;
        totalByStyle.set(c.style, (totalByStyle.get(c.style) ?? 0) + 1);
        if (result === null) {
          if (c.style !== 'plain-line') {
            const key = normaliseHeading(c.text) || `(nothing left: ${JSON.stringify(c.text.trim())})`;
            unmapped.set(key, (unmapped.get(key) ?? 0) + 1);
          }
          continue;
        }
        byKind.set(result.kind, (byKind.get(result.kind) ?? 0) + 1);
        byStyle.set(c.style, (byStyle.get(c.style) ?? 0) + 1);
        if (result.kind === 'timeline') hasTimeline = true;
      }
      if (hasTimelineLine) {
        withTimelineLine++;
        if (hasTimeline) timelineFound++;
        else missingTimeline.push(file);
      }
    }

    const top = [...unmapped.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, 30);
    const ratio = withTimelineLine === 0 ? 1 : timelineFound / withTimelineLine;
    console.log(
      [
        `corpus: ${files.length} files, ${calls} heading candidates classified in ${elapsed.toFixed(1)} ms`,
        `by kind: ${[...byKind.entries()]
          .sort((x, y) => y[1] - x[1])
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
        `classified by style: ${[...byStyle.entries()].map(([k, n]) => `${k} ${n}/${totalByStyle.get(k) ?? 0}`).join(', ')}`,
        `timeline recognised in ${timelineFound}/${withTimelineLine} files with "timeline" on a line of its own (${(ratio * 100).toFixed(1)} %)` +
          (missingTimeline.length > 0 ? `; not in ${missingTimeline.join(' ')}` : ''),
        'most frequent unmapped headings:',
        ...top.map(([k, n]) => `  ${String(n).padStart(3)}  ${k}`),
      ].join('\n'),
    );

    expect(ratio).toBeGreaterThanOrEqual(0.9);
  });
});
