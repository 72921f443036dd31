// The quick path of readLeadingTime (src/core/time/quick.ts) against chrono: on every line
// and every inline line of the samples and the corpus, and on generated variants of the
// shapes it reads, readLeadingTime must give exactly what readLeadingTimeByChrono gives.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Nodes, PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/core/parse.ts';
import { quickIsoDateTime, quickLeadingTime } from '../../../src/core/time/quick.ts';
import { readDateTime, readDateTimeByChrono, readLeadingTime, readLeadingTimeByChrono } from '../../../src/core/time/read.ts';
import { ZONE_ABBREVIATIONS } from '../../../src/core/time/zones.ts';
import { inlineLines, plainText } from '../../../src/core/text.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dirs = [`${root}postmortems`, `${root}../shared/corpus/public`].filter(existsSync);

/** What the timeline and incident readers hand readLeadingTime: lines of inline containers, cells, raw lines. */
function inputsOf(source: string): string[] {
  const out = new Set<string>();
  for (const line of source.split(/\r\n|\r|\n/)) out.add(line.trim());
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      for (const line of inlineLines(node.children as PhrasingContent[], 1)) out.add(line.text);
      out.add(plainText(node).replace(/\s+/g, ' ').trim());
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(parseMarkdown(source));
  return [...out].filter((text) => text !== '');
}

function compare(texts: Iterable<string>, leads: readonly number[] = [12, 0]): { quick: number; checked: number } {
  let quick = 0;
  let checked = 0;
  for (const text of texts) {
    for (const maxLead of leads) {
      checked++;
      const fast = readLeadingTime(text, maxLead);
      const slow = readLeadingTimeByChrono(text, maxLead);
      expect({ text, maxLead, reading: fast }).toEqual({ text, maxLead, reading: slow });
      if (fast !== null && quickLeadingTime(text.slice(0, fast.index + fast.length + 90), fast.index) !== undefined) quick++;
    }
  }
  return { quick, checked };
}

describe('readLeadingTime: the quick path reads what chrono reads', () => {
  it('on every line of the samples and the corpus', () => {
    const texts = new Set<string>();
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
        for (const text of inputsOf(readFileSync(`${dir}/${name}`, 'utf8'))) texts.add(text);
      }
    }
    const { quick } = compare(texts);
    // The quick path must be taken for most timed entries, or it saves nothing.
    expect(quick).toBeGreaterThan(1000);
  });

  it('on generated variants of its shapes and their near misses', () => {
    const hours = ['0', '00', '9', '09', '12', '13', '24'];
    const minutes = ['05', '59', '60', '05:30', '30:60'];
    const meridiems = ['', 'AM', ' pm', ' a.m.', ' a', '  PM'];
    const zones = ['', ' UT', ' XYZ', ' Utc', '  UTC', ' AMT', ' PT', ' (UTC)', ' UTC+3', ' GMT-5', ...Object.keys(ZONE_ABBREVIATIONS).map((z) => ` ${z}`)];
    const terminators = ['', ':', ' - ', ' --', ' – ', ' —', ' ', ',', ' to', '-', ': \u00a0', ':\t'];
    const words = [
      '', 'The user reported', 'Step 9 of the plan', 'May 5, 2024', 'Mon outage', 'on May 5', 'at 10:30', 'T', 'a new deploy',
      'am', 'UTC', 'PST deploy', 'of the day', 'and then', '10:30', '5 servers', 'the 5th', 'o clock', 'Bugfix 2024-05-05', 'Fix +3',
      'Detected the fault', 'until 11:00', 'after May 5', 'Amazing', 'oclock', 'in the morning', 'Initial triage', 'Attempted',
      'Europe/Berlin', 'ABCDE', 'Eastern Time (EDT)', 'tomorrow', 'Sept 5', 'Total 2024', 'through 11', 'Tuesday 10',
    ];
    const decorations = ['', '- ', '**', 'At ', 'around ', '• ', '[', '> '];
    const texts: string[] = [];
    for (const h of hours) {
      for (const m of minutes) {
        for (const mer of meridiems) {
          for (const zone of zones) {
            // Every zone with one terminator and word; the other combinations over a few zones.
            const rich = zone === '' || zone === ' UTC' || zone === ' PST' || zone === ' XYZ' || zone === ' AMT';
            for (const term of rich ? terminators : [':']) {
              for (const word of rich ? words : ['The user']) texts.push(`${h}:${m}${mer}${zone}${term}${term.endsWith(' ') || term === '' ? '' : ' '}${word}`);
            }
          }
        }
      }
    }
    for (const deco of decorations) for (const base of ['12:27 PM: The user', '18:30 UTC: Restored', '00:40 PST - Back', '10:45 — Done', '20:03']) texts.push(deco + base);
    // Most variants are near misses that must go to chrono; the rest must take the quick path.
    const { quick } = compare(texts, [12]);
    expect(quick).toBeGreaterThan(3000);
  });
});

describe('readDateTime: the quick path for ISO date-times reads what chrono reads', () => {
  it('on frontmatter-shaped times, valid and not', () => {
    const texts: string[] = [];
    const dates = ['2025-03-09', '2024-02-29', '2023-02-29', '2024-12-31', '2024-13-01', '2024-00-10', '2024-04-31', '0999-01-01', '1000-01-01', '9999-12-31', '2024-1-05'];
    const times = ['00:00:00', '07:00:00', '12:30:45', '23:59:59', '24:00:00', '10:60:00', '10:00:60', '7:00:00', '10:00'];
    const zones = ['Z', '+00:00', '-04:00', '+05:30', '+14:00', '+14:30', '+15:00', '-12:00', '+03:60', '+0300', 'z', '', ' UTC', '+03'];
    for (const d of dates) for (const t of times) for (const z of zones) texts.push(`${d}T${t}${z}`, `${d} ${t}${z}`);
    texts.push(new Date(Date.UTC(2024, 4, 21, 14, 2)).toISOString());
    let quick = 0;
    for (const text of texts) {
      expect({ text, reading: readDateTime(text) }).toEqual({ text, reading: readDateTimeByChrono(text) });
      if (quickIsoDateTime(text) !== undefined) quick++;
    }
    expect(quick).toBeGreaterThan(100);
  });
});
