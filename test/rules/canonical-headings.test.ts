// canonical-headings: which headings are reported, what --fix rewrites (only the name, every
// other byte kept), and a property test over random documents.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/engine.ts';
import { fixText, lintText } from '../helpers/lint-text.ts';
import { prng as random } from '../../bench/generate.ts';

const RULE = 'canonical-headings';
const lint = (md: string, options: Record<string, unknown> = {}) => lintText(md, { only: { [RULE]: options } });
const fix = (md: string, options: Record<string, unknown> = {}) => fixText(md, { only: { [RULE]: options } });
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('canonical-headings', () => {
  it('is off by default and fixable', async () => {
    const { loadRules } = await import('../../src/lint/registry.ts');
    const rule = (await loadRules()).get(RULE)!;
    expect([rule.severity, rule.fixable]).toEqual(['off', true]);
  });

  it('reports at the name itself, with a fix replacing just the name', async () => {
    const md = '## 1. Issue Summary (all times UTC)\n\nDown.\n';
    const findings = await lint(md);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, column: 7, endLine: 1, endColumn: 20, fix: { start: 6, end: 19, text: 'Summary' } });
    expect(findings[0]!.message).toBe(
      '"Issue Summary" is a known spelling of the Summary section: write "Summary" so every postmortem names its sections alike.',
    );
    expect(await fix(md)).toBe('## 1. Summary (all times UTC)\n\nDown.\n');
  });

  it.each([
    ['### 🔥 Timeline of Events', '### 🔥 Timeline'],
    ['## :memo: Incident Timeline - PST', '## :memo: Timeline - PST'],
    ['   #### root cause:', '   #### Root Cause:'],
    ['## Action Items ##', '## Corrective and Preventative Measures ##'],
    ['# 2) Lessons Learnt\t', '# 2) Lessons Learned\t'],
    ['## Issue Summary\r', '## Summary\r'],
  ])('ATX: %j → %j', async (heading, fixed) => {
    expect(await fix(`${heading}\n\nText.\n`)).toBe(`${fixed}\n\nText.\n`);
  });

  it('setext headings keep their underline', async () => {
    expect(await fix('Issue summary\n=============\n\nDown.\n')).toBe('Summary\n=============\n\nDown.\n');
  });

  it('bold, plain-line and HTML headings are reported without a fix', async () => {
    const md = lines('**Issue Summary:** down.', '', 'Timeline of Events', '- 10:00 alert', '', '<h2>Root cause</h2>', '', 'A disk.');
    const findings = await lint(md);
    expect(findings.map((f) => [f.line, f.column, f.fix === undefined, f.message.replace(/.*\(/, '(')])).toEqual([
      [1, 3, true, '(a bold heading: rename it by hand).'],
      [3, 1, true, '(a plain-line heading: rename it by hand).'],
      [6, 5, true, '(an HTML heading: rename it by hand).'],
    ]);
    expect(await fix(md)).toBe(md);
  });

  it('leaves canonical names, tails, combined headings, unknown headings and later parts alone', async () => {
    const md = lines(
      '# Outage',
      '',
      '## Summary',
      'a',
      '## Timeline (all times UTC)',
      '- 10:00 b',
      '## Root Cause',
      'c',
      '## Five Whys',
      'd',
      '## Root Cause and Resolution',
      'e',
      '## Mitigation & Resolution',
      'f',
      '## Background',
      'g',
      '## Corrective and Preventative Measures',
      '- h',
    );
    expect(await lint(md)).toEqual([]);
  });

  it('the case counts: "root cause" is not "Root Cause"', async () => {
    expect((await lint('## ROOT CAUSE\n\nA disk.\n')).map((f) => f.fix?.text)).toEqual(['Root Cause']);
  });

  it('names: overrides the canonical name of a kind', async () => {
    const md = lines('## Summary', 'a', '## Corrective and Preventative Measures', '- b');
    expect(await fix(md, { names: { 'corrective-measures': 'Action Items', summary: 'Issue Summary' } })).toBe(
      lines('## Issue Summary', 'a', '## Action Items', '- b'),
    );
  });

  it('a configured name that would not name the kind is reported without a fix', async () => {
    const findings = await lint('## Summary\n\nDown.\n', { names: { summary: 'Executive Thing' } });
    expect(findings.map((f) => [f.fix, f.messageId])).toEqual([[undefined, 'knownSpellingNotFixed']]);
  });

  it('a name written with markup inside it is reported without a fix', async () => {
    const findings = await lint('## **Issue** Summary\n\nDown.\n');
    expect(findings.map((f) => f.fix)).toEqual([undefined]);
  });
});

// ── property test: random documents ─────────────────────────────────────────────────────────

const NAMES = [
  'Issue Summary',
  'Summary',
  'summary',
  'Incident Summary',
  'Overview',
  'Executive Summary',
  'Timeline',
  'Timeline of Events',
  'Incident Timeline',
  'Chronology',
  'Root Cause',
  'Root cause',
  'Root Cause Analysis',
  'Root Cause and Resolution',
  'Five Whys',
  'Resolution',
  'Mitigation',
  'Recovery',
  'Action Items',
  'Follow-ups',
  'Corrective and Preventative Measures',
  'Corrective and preventive measures',
  'Remediation',
  'Lessons Learned',
  'Lessons Learnt',
  'What went well',
  'Impact',
  'Customer Impact',
  'Detection',
  'Background',
  'Notes',
  'Appendix',
  'Glossary',
  'The Team',
];
const PREFIXES = ['', '', '', '1. ', '2) ', '🔥 ', ':memo: ', 'Part 2: ', '⚠️ '];
const TAILS = ['', '', '', ' (all times UTC)', ':', ' - PST', ' ##', ' 🚀', '  '];
const WORDS = [
  'the',
  'database',
  'was',
  'down',
  'timeline',
  'Summary',
  'root',
  'cause',
  '10:05',
  'users',
  '30%',
  'alert',
  'fired',
  'and',
  'we',
  'rolled',
  'back',
];

interface Generated {
  text: string;
  /** Offsets of the names of ATX and setext headings: the only text a fix may replace. */
  names: { start: number; end: number }[];
}

function generate(rand: () => number): Generated {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const eol = rand() < 0.15 ? '\r\n' : '\n';
  let text = '';
  const names: Generated['names'] = [];
  const blocks = 2 + Math.floor(rand() * 12);
  for (let b = 0; b < blocks; b++) {
    const r = rand();
    const name = pick(NAMES);
    if (r < 0.4) {
      const open = `${' '.repeat(Math.floor(rand() * 4)) + '#'.repeat(1 + Math.floor(rand() * 6))} `;
      const prefix = pick(PREFIXES);
      text += open + prefix;
      names.push({ start: text.length, end: text.length + name.length });
      text += name + pick(TAILS) + eol;
    } else if (r < 0.5) {
      names.push({ start: text.length, end: text.length + name.length });
      text += name + pick(['', ':', ' (UTC)']) + eol + pick(['=', '-']).repeat(1 + Math.floor(rand() * 20)) + eol;
    } else if (r < 0.6) {
      text += `**${name}:**${rand() < 0.5 ? ` ${pick(WORDS)}` : ''}${eol}`;
    } else if (r < 0.65) {
      text += name + eol; // a plain line
    } else if (r < 0.72) {
      text += `\`\`\`${eol}## ${name}${eol}\`\`\`${eol}`;
    } else if (r < 0.8) {
      text += `- ${pick(WORDS)} ${pick(WORDS)}${eol}- ${name}${eol}`;
    } else {
      const n = 1 + Math.floor(rand() * 15);
      text += Array.from({ length: n }, () => pick(WORDS)).join(' ') + eol;
    }
    text += eol.repeat(1 + Math.floor(rand() * 2));
  }
  return { text, names };
}

describe('canonical-headings --fix on random documents', () => {
  const RUNS = 300;
  it(`changes only the names of headings, keeps every other byte, and is idempotent (${RUNS} documents)`, async () => {
    let fixes = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const { text, names } = generate(random(seed));
      const context = `seed ${seed}: ${JSON.stringify(text)}`;
      const findings: Finding[] = await lint(text);
      const fixable = findings
        .filter((f) => f.fix)
        .map((f) => f.fix!)
        .sort((a, b) => a.start - b.start);
      // Every fix replaces exactly the name of an ATX or setext heading.
      for (const f of fixable) {
        expect(
          names.some((n) => n.start === f.start && n.end === f.end),
          context,
        ).toBe(true);
      }
      // Applying them is the whole of --fix, and nothing outside the spans moves.
      let expected = '';
      let cursor = 0;
      for (const f of fixable) {
        expected += text.slice(cursor, f.start) + f.text;
        cursor = f.end;
      }
      expected += text.slice(cursor);
      const once = await fix(text);
      expect(once, context).toBe(expected);
      // Fixing twice is fixing once.
      expect(await fix(once), context).toBe(once);
      expect(
        (await lint(once)).filter((f) => f.fix),
        context,
      ).toEqual([]);
      fixes += fixable.length;
    }
    expect(fixes).toBeGreaterThan(RUNS / 2);
  });
});
