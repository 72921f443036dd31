// The quick paths (src/core/time/quick.ts) against chrono: on every line and every inline
// line of the samples and the corpus, and on generated variants of the shapes they read,
// readLeadingTime, readDateTime and readDateOnly must give exactly what chrono gives.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Nodes, PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/core/parse.ts';
import {
  CHRONO_MONTHS,
  CHRONO_ORDINALS,
  CHRONO_WEEKDAYS,
  quickDateWithoutTime,
  quickIsoDate,
  quickIsoDateTime,
  quickLeadingTime,
  quickNoLeadingTime,
} from '../../../src/core/time/quick.ts';
import {
  readDateOnly,
  readDateOnlyByChrono,
  readDateTime,
  readDateTimeByChrono,
  readLeadingTime,
  readLeadingTimeByChrono,
} from '../../../src/core/time/read.ts';
import { ZONE_ABBREVIATIONS } from '../../../src/core/time/zones.ts';
import { inlineLines, plainText } from '../../../src/core/text.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dirs = [`${root}postmortems`, `${root}../shared/corpus/public`, `${root}../shared/corpus/varied`].filter(existsSync);

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

function corpusInputs(): Set<string> {
  const texts = new Set<string>();
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      for (const text of inputsOf(readFileSync(`${dir}/${name}`, 'utf8'))) texts.add(text);
    }
  }
  return texts;
}

function compare(texts: Iterable<string>, leads: readonly number[] = [12, 0]): { quick: number; checked: number; numbered: number } {
  let quick = 0;
  let numbered = 0;
  let checked = 0;
  for (const text of texts) {
    for (const maxLead of leads) {
      checked++;
      const fast = readLeadingTime(text, maxLead);
      const slow = readLeadingTimeByChrono(text, maxLead);
      expect({ text, maxLead, reading: fast }).toEqual({ text, maxLead, reading: slow });
      if (fast !== null && quickLeadingTime(text.slice(0, fast.index + fast.length + 90), fast.index) !== undefined) quick++;
      if (quickNoLeadingTime(text, /^[\s>*_~•·|[(#+\-–—]*/.exec(text)![0].length, maxLead)) numbered++;
    }
  }
  return { quick, checked, numbered };
}

/**
 * Asserts `read` reads each text as `byChrono` (the chrono path it shortcuts) does; returns
 * how many texts `quick` answered (undefined: it left the text to chrono).
 */
function compareWithChrono(
  texts: Iterable<string>,
  read: (text: string) => unknown,
  byChrono: (text: string) => unknown,
  quick: (text: string) => unknown,
): number {
  let quickCount = 0;
  for (const text of texts) {
    expect({ text, read: read(text) }).toEqual({ text, read: byChrono(text) });
    if (quick(text) !== undefined) quickCount++;
  }
  return quickCount;
}
/** A text readDateTime answers without chrono: an ISO date-time, or one quick leading time and nothing else. */
const quickDateTime = (text: string): unknown => quickIsoDateTime(text) ?? (quickLeadingTime(text, 0)?.length === text.length ? true : undefined);
const compareDateTimes = (texts: Iterable<string>): number => compareWithChrono(texts, readDateTime, readDateTimeByChrono, quickDateTime);
const compareDates = (texts: Iterable<string>): number => compareWithChrono(texts, readDateOnly, readDateOnlyByChrono, quickIsoDate);

describe('readLeadingTime: the quick path reads what chrono reads', () => {
  it('on every line of the samples and the corpus', () => {
    const { quick, numbered } = compare(corpusInputs());
    // The quick paths must be taken for most timed entries and numbered headings, or they save nothing.
    expect(quick).toBeGreaterThan(1000);
    expect(numbered).toBeGreaterThan(100);
  });

  it('on numbered headings and items, with and without a time after the number', () => {
    const numbers = ['1', '7', '10', '99', '123', '0'];
    const gaps = ['. ', '.  ', '.\t', '.', ') ', ': '];
    const words = [
      'Issue Summary',
      'Detection',
      'Resolution',
      'Lessons Learned',
      'Root Cause',
      'On-call response',
      'On call',
      'At 10:00 we paged',
      'Atlassian outage',
      'From the logs',
      'Fromage',
      'May 5 rollback',
      'Mayhem',
      'Monday',
      'Monitoring',
      'Noon deploy',
      'Midnight',
      'Tonight',
      'Today',
      'Now',
      'Yesterday',
      'am',
      'pm',
      'a.m. start',
      'AM',
      'PM deploy',
      'Sunday',
      'Weekly review',
      'This week',
      'Last change',
      'Next steps',
      'Past incidents',
      'First response',
      'Twentieth',
      'Thirty users',
      'Timeline (all times UTC)',
      'Timeline 10:00',
      'Impact: 5 users',
      'Follow-up, Monday',
      'Follow-up (Mon)',
      'Follow-ups, (this week)',
      'Summary — on May 5',
      'Issue Summary at 10:00',
      'Corrective and Preventative Measures',
      'T10:00',
      'Deployed at10',
      'O clock',
      "o'clock",
      'Hours 5-6',
      'Ended on May 5, 2024 at 10:00',
      'Update at 10:30 UTC',
      'Jan',
      'Decommission',
      'Octopus',
      'Augment',
      'Sept outage',
    ];
    const decorations = ['', '## ', '**', '- '];
    const texts: string[] = [];
    for (const n of numbers) for (const gap of gaps) for (const word of words) for (const deco of decorations) texts.push(`${deco}${n}${gap}${word}`);
    const { numbered } = compare(texts, [12, 0, 30]);
    expect(numbered).toBeGreaterThan(500);
  });

  it('on generated variants of its shapes and their near misses', () => {
    const hours = ['0', '00', '9', '09', '12', '13', '24'];
    const minutes = ['05', '59', '60', '05:30', '30:60'];
    const meridiems = ['', 'AM', ' pm', ' a.m.', ' a', '  PM'];
    const zones = ['', ' UT', ' XYZ', ' Utc', '  UTC', ' AMT', ' PT', ' (UTC)', ' UTC+3', ' GMT-5', ...Object.keys(ZONE_ABBREVIATIONS).map((z) => ` ${z}`)];
    const terminators = ['', ':', ' - ', ' --', ' – ', ' —', ' ', ',', ' to', '-', ': \u00a0', ':\t'];
    const words = [
      '',
      'The user reported',
      'Step 9 of the plan',
      'May 5, 2024',
      'Mon outage',
      'on May 5',
      'at 10:30',
      'T',
      'a new deploy',
      'am',
      'UTC',
      'PST deploy',
      'of the day',
      'and then',
      '10:30',
      '5 servers',
      'the 5th',
      'o clock',
      'Bugfix 2024-05-05',
      'Fix +3',
      'Detected the fault',
      'until 11:00',
      'after May 5',
      'Amazing',
      'oclock',
      'in the morning',
      'Initial triage',
      'Attempted',
      'Europe/Berlin',
      'ABCDE',
      'Eastern Time (EDT)',
      'tomorrow',
      'Sept 5',
      'Total 2024',
      'through 11',
      'Tuesday 10',
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
    for (const deco of decorations)
      for (const base of ['12:27 PM: The user', '18:30 UTC: Restored', '00:40 PST - Back', '10:45 — Done', '20:03']) texts.push(deco + base);
    // Words after blanks alone that chrono's time pattern takes or not ("o'clock", "in the
    // morning" run together or cut), and a closing bracket as the terminator.
    const nearWords = [
      'opened a channel',
      'alert fired',
      'Pager fires',
      'OUTAGE BEGINS',
      'inthe morning',
      'inthe afternoon',
      'intheafternoon call',
      'atnight shift',
      'at  night',
      'pmoclock',
      'amoclock',
      'Oclock sharp',
      'pminthe morning',
      'pmatnight',
      'antenna',
      'inbound traffic',
      'The user reported',
      'on May 5',
      'Monday',
      'to 11:00',
      // Words the time shapes could read a zone from (or a US zone's name), after a quick time.
      'Eastern',
      'Pacific Time',
      'Central:',
      'Mountain - back',
      'UTCnight shift',
      'GMTplus',
      'ABCDEFG',
      'CESTX',
      'DNS fails',
      'Zulu time',
      'ESTish',
    ];
    for (const h of ['0', '9', '12', '13'])
      for (const mer of ['', ' pm', 'AM'])
        for (const zone of ['', ' UTC', ' XYZ'])
          for (const term of ['', ':', ']', ']:', '] '])
            for (const word of nearWords) for (const deco of ['', '[']) texts.push(`${deco}${h}:05${mer}${zone}${term}${term.endsWith(' ') ? '' : ' '}${word}`);
    // Words that open like a reading and do not start one ("declared", "Monitoring"), words
    // that do (written whole, run on, cut short), and short words: zones to chrono in any case
    // or not, connectors, articles.
    const wordStarts = [
      'declared',
      'Monitoring',
      'Online',
      'Attempted',
      'Attention',
      'fromage',
      'Sunset',
      'Marked',
      'mayday',
      'Decent',
      'Junior',
      'Fridge',
      'Thursdays',
      'on-call',
      'onmonday',
      'onthis monday',
      'this monday',
      'next',
      'mondayof this week',
      'Mon.',
      'Friday',
      'weekend',
      'weekday',
      'Week',
      'thu',
      'Sept',
      'sept. 5',
      'June',
      'jun 5',
      'decfirst',
      'Decfirst 2024',
      'firstly',
      'first of May',
      'twenty-first May',
      'thirty first',
      'onfirst May',
      'Push',
      'the 5th',
      'the deploy',
      'we',
      'an',
      'A',
      'i',
      'h',
      'Est',
      'est',
      'utc',
      'Gmt',
      'Cet',
      'Pst',
      'Ist',
      'Wat',
      'Sst',
      'Ct',
      'Et',
      'Z',
      'Zulu',
      'by noon',
      'via',
      'User',
      'Root',
    ];
    for (const h of ['9', '13'])
      for (const mer of ['', ' pm'])
        for (const zone of ['', ' UTC', ' XYZ'])
          for (const term of ['', ':', '] ', ' - '])
            for (const word of wordStarts) texts.push(`${h}:05${mer}${zone}${term}${term.endsWith(' ') ? '' : ' '}${word}`);
    // Most variants are near misses that must go to chrono; the rest must take the quick path.
    const { quick } = compare(texts, [12]);
    expect(quick).toBeGreaterThan(3500);
  });

  it('takes the common entries without chrono, and leaves the connectors to it', () => {
    for (const text of ['12:30 PM: The root cause', '01:38 UTC declared', '00:37 Push', '09:05 Monitoring', '10:00 - Monitoring'])
      expect(quickLeadingTime(text, 0), text).toBeDefined();
    for (const text of ['10:05 the 5th of May', '15:11 The', '10:05 on Monday', '10:05 Est', '10:05 decfirst', '10:05 monday'])
      expect(quickLeadingTime(text, 0), text).toBeUndefined();
  });

  it("names chrono's dictionaries as chrono does (the words that can start a reading)", async () => {
    const en = await import('../../../node_modules/chrono-node/dist/esm/locales/en/constants.js');
    const names = (dictionary: Record<string, unknown>): string[] => [...new Set(Object.keys(dictionary).map((k) => k.replace(/\.$/, '')))].sort();
    expect(CHRONO_WEEKDAYS.split('|').sort()).toEqual(names(en.WEEKDAY_DICTIONARY));
    expect(CHRONO_MONTHS.split('|').sort()).toEqual(names(en.MONTH_DICTIONARY));
    const ordinals = new Set(Object.keys(en.ORDINAL_WORD_DICTIONARY).map((k) => k.split(/[ -]/)[0]!));
    expect(CHRONO_ORDINALS.split('|').sort()).toEqual([...ordinals].sort());
  });
});

describe('readLeadingTime: the quick path with an ISO date before the time reads what chrono reads', () => {
  it('on dates valid and not, with the time shapes and near misses after them', () => {
    const dates = ['2025-03-13', '2024-02-29', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '0999-01-01', '1000-01-01', '2024-1-05', '12024-05-28'];
    const gaps = [' ', '  ', 'T', '\t', ', ', ' at ', ' - '];
    const times = [
      '03:25',
      '3:25',
      '9:05 UTC',
      '23:25:10 PST',
      '09:05 PM',
      '12:05 AM',
      '12:05am',
      '24:00',
      '10:60',
      '03:25 XYZ',
      '03:25 (UTC)',
      '03:25 UTC+3',
      '0325',
      '03.25',
      '3 PM',
    ];
    const after = [
      '',
      ': The deploy',
      ' - Rollback',
      ' — Done',
      ' opened a channel',
      ' foo',
      ' on May 5',
      ' to 04:00',
      ' 04:00',
      ' Monday',
      ' Started',
      ' in the morning',
      ' oclock',
      ', 04:00',
    ];
    const texts: string[] = [];
    for (const d of dates) for (const gap of gaps) for (const t of times) for (const a of after) texts.push(`${d}${gap}${t}${a}`);
    for (const deco of ['- ', '| ', '**', '[', 'At ']) texts.push(`${deco}2025-03-13 03:25 UTC: Paged`, `${deco}2025-03-13 03:25 UTC] Paged`);
    // A date alone, and near misses of one.
    for (const d of dates)
      for (const a of ['', ' ', '.', 'x', ':', ' UTC', ' Monday', '-01']) for (const deco of ['', '- ', '| ', '[']) texts.push(`${deco}${d}${a}`);
    const { quick } = compare(texts, [12, 0]);
    expect(quick).toBeGreaterThan(300);
  });

  it('on a date that opens an entry with text after it, with and without a digit or time in it', () => {
    const dates = ['2021-06-27', '2024-02-29', '2023-02-29', '2024-04-31', '2024-13-01', '0999-01-01', '12024-05-28', '2024-1-05'];
    const after = [
      '; the cache filled',
      ': We rolled back',
      ':',
      ' Saturday',
      ', Monday',
      ' (all regions)',
      '/31 Hex',
      '[^3]:',
      'T',
      'T10:00',
      'x',
      '_a',
      ' pm',
      ' at noon',
      ' am the start',
      ' on May',
      ' on May 5',
      ' is April',
      '; at 10:05 the cache filled',
      ' 10:05',
      ' - 10:05 UTC',
      ' through 2021-06-28',
      ' and the next day',
      ' next Monday',
      ' around one',
      ' 🔥 paged',
    ];
    const texts: string[] = [];
    for (const d of dates) for (const a of after) for (const deco of ['', '- ', '(', '**']) texts.push(`${deco}${d}${a}`);
    compare(texts, [12, 0]);
    let quick = 0;
    for (const text of texts) if (quickDateWithoutTime(text, /^[\s>*_~•·|[(#+\-–—]*/.exec(text)![0].length)) quick++;
    expect(quick).toBeGreaterThan(100);
  });
});

describe('readDateTime: the quick path for ISO date-times reads what chrono reads', () => {
  it('on frontmatter-shaped times, valid and not', () => {
    const texts: string[] = [];
    const dates = [
      '2025-03-09',
      '2024-02-29',
      '2023-02-29',
      '2024-12-31',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '0999-01-01',
      '1000-01-01',
      '9999-12-31',
      '2024-1-05',
    ];
    const times = [
      '00:00:00',
      '07:00:00',
      '12:30:45',
      '23:59:59',
      '24:00:00',
      '10:60:00',
      '10:00:60',
      '7:00:00',
      '10:00',
      '05:36:00.000',
      '05:36:00.5',
      '05:36:00.1234',
      '05:36:00.',
      '05:36.000',
    ];
    const zones = ['Z', '+00:00', '-04:00', '+05:30', '+14:00', '+14:30', '+15:00', '-12:00', '+03:60', '+0300', 'z', '', ' UTC', '+03'];
    for (const d of dates) for (const t of times) for (const z of zones) texts.push(`${d}T${t}${z}`, `${d} ${t}${z}`);
    texts.push(new Date(Date.UTC(2024, 4, 21, 14, 2)).toISOString());
    expect(compareDateTimes(texts)).toBeGreaterThan(100);
  });

  it('on texts that are one time alone, as table cells and frontmatter give them, and on every line of the corpus', () => {
    const texts: string[] = [];
    for (const date of ['', '2018-11-24 ', '2023-02-29 ', '2024-13-01 '])
      for (const time of ['19:39', '19:39:00', '9:05', '24:00', '12:27 PM', '1:05pm', '13:40PM'])
        for (const zone of ['', ' UTC', ' EDT', ' XYZ', ' (UTC)', ' UTC+3'])
          for (const after of ['', ' ', ':', ' on May 5', ' Eastern', ' 2024-05-05', ' to 20:00', ', Monday']) texts.push(`${date}${time}${zone}${after}`);
    expect(compareDateTimes(texts)).toBeGreaterThan(25);
    compareDateTimes(corpusInputs());
  });
});

describe('readDateOnly: the quick path for ISO dates reads what chrono reads', () => {
  it('on every line of the samples and the corpus, and from every ISO date in them on', () => {
    const texts = new Set<string>();
    for (const text of corpusInputs()) {
      texts.add(text);
      // A due date is read from the label on ("Due: 2024-05-28 · Status: done").
      for (const m of text.matchAll(/\d{4}-\d/g)) texts.add(text.slice(m.index, m.index + 40));
    }
    expect(compareDates(texts)).toBeGreaterThan(100);
  });

  it('on generated dates, valid and not, with what may follow them', () => {
    const dates = [
      '2024-05-28',
      '2024-02-29',
      '2023-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-12-00',
      '0999-01-01',
      '1000-01-01',
      '9999-12-31',
      '2024-1-05',
      '20240-05-28',
      '12024-05-28',
    ];
    const before = ['', ' ', '  ', '\t', ': ', 'x'];
    const after = [
      '',
      ' · Status: done.',
      '.',
      ', 10:00 UTC',
      ' 10:00',
      ' 10:00 +05:00',
      ' 23:30 -11:00',
      'T10:00Z',
      'T23:00:00-05:00',
      '-29',
      '/29',
      '.5',
      'x',
      '_1',
      ' to 2024-06-01',
      ' - 2024-05-30',
      ' – May 30',
      ' (Tuesday)',
      ', Monday',
      ' 11 PM EST',
      '; owner @ana',
      ')',
      ' or May 3, 2024',
    ];
    const texts: string[] = [];
    for (const d of dates) for (const b of before) for (const a of after) texts.push(`${b}${d}${a}`);
    expect(compareDates(texts)).toBeGreaterThan(300);
  });
});
