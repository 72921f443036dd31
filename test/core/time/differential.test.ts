// Differential test: the optimised time readers (src/core/time/read.ts) must return exactly
// what the frozen pre-optimisation reader (./reference/) returns, for every line of every
// postmortem in the shared public corpus and in postmortems/, bare and with list/bold
// decoration in front, plus the pieces the timeline model really hands them (run-on
// look-aheads read with maxLead 0, table cells), every string literal of the time unit
// tests, and lines written against the window finder's reasoning (src/core/time/window.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as current from '../../../src/core/time/read.ts';
import * as reference from './reference/read.ts';

const CORPUS = new URL('../../../../shared/corpus/public/', import.meta.url);
const POSTMORTEMS = new URL('../../../postmortems/', import.meta.url);
const DECORATIONS = ['', '- **'];

// The same shapes src/core/timeline.ts reads with readLeadingTime(piece, 0).
const RUN_ON = /[.!?;]\s+(?=\d{1,2}[:.]\d{2}|\d{4}-\d{2}-\d{2})/g;
const RUN_ON_LOOKAHEAD = 160;

type Readers = Pick<typeof current, 'readLeadingTime' | 'readDateOnly' | 'readDateTime' | 'readTimeRange'>;

const CALLS: ReadonlyArray<readonly [string, (r: Readers, text: string) => unknown]> = [
  ['readLeadingTime(text)', (r, t) => r.readLeadingTime(t)],
  ['readLeadingTime(text, 0)', (r, t) => r.readLeadingTime(t, 0)],
  ['readDateOnly(text)', (r, t) => r.readDateOnly(t)],
  ['readDateTime(text)', (r, t) => r.readDateTime(t)],
  ['readTimeRange(text)', (r, t) => r.readTimeRange(t)],
];

interface Mismatch {
  call: string;
  text: string;
  expected: unknown;
  actual: unknown;
}

function markdownLines(dir: URL): string[] {
  const lines: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    lines.push(...readFileSync(new URL(name, dir), 'utf8').split(/\r?\n/));
  }
  return lines;
}

/** Every call on every text, compared by strict deep equality; the first few differences. */
function compare(texts: readonly string[], calls = CALLS): { checked: number; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const text of texts) {
    for (const [call, run] of calls) {
      const expected = run(reference, text);
      const actual = run(current, text);
      checked++;
      if (!isDeepStrictEqual(actual, expected) && mismatches.length < 20) mismatches.push({ call, text, expected, actual });
    }
  }
  return { checked, mismatches };
}

function decorated(lines: readonly string[]): string[] {
  return lines.flatMap((line) => DECORATIONS.map((d) => d + line));
}

function runOnPieces(lines: readonly string[]): string[] {
  const pieces: string[] = [];
  for (const line of lines) {
    for (const m of line.matchAll(RUN_ON)) {
      const cut = m.index + m[0].length;
      pieces.push(line.slice(cut, cut + RUN_ON_LOOKAHEAD));
    }
  }
  return pieces;
}

function tableCells(lines: readonly string[]): string[] {
  return lines
    .filter((line) => line.trimStart().startsWith('|'))
    .flatMap((line) => line.split('|').map((cell) => cell.replace(/\s+/g, ' ').trim()))
    .filter((cell) => cell !== '');
}

/** Every string literal in the time module's unit tests (simple escapes undone). */
function unitTestLiterals(): string[] {
  const out: string[] = [];
  const dir = new URL('./', import.meta.url);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.test.ts') && n !== 'differential.test.ts')) {
    const source = readFileSync(new URL(name, dir), 'utf8');
    for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) {
      out.push((m[1] ?? '').replace(/\\u([0-9a-fA-F]{4})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\(.)/g, '$1'));
    }
  }
  return out;
}

/** Lines aimed at the window finder: separators next to times, readings that reach past their region, triggers. */
const EDGE_CASES = [
  '10:00 (Eastern Standard Time) - 11:00',
  '10:00 (Eastern Standard Time) on the first of March 2024',
  '23:00 (Eastern Standard Time) to 01:00 on March 5, 2024',
  'Started 10:00 (East Africa Time — EAT) and stopped 11:30 (East Africa Time — EAT)',
  'thermostat 10:00 reading', 'habitat 10:00', 'Tat 10:00', 'LASTfrom 10:00',
  'primary 10:00 failover', 'summary: 2024-03-02 10:00 UTC', 'remark 5 March 2024',
  '10 March 23 amazing results', '10 March 23 amounted', 'secondmay deploy', 'firstmarch 10:00',
  'onmonday 10:00', 'lastfriday 10:00', 'Monday 10 restart', '10 Monday', 'Monday, March 5 10',
  'at 10 the service restarted', 'at10 restart', 'from 10 to 20 requests failed', 'pages 10 - 11 of the runbook',
  '10 EST outage', '10 est outage', '10 eat lunch', '10:00 eat lunch', '10 +0300 offset', '10 (UTC) start',
  'deploy 10 o clock', 'deploy 10 o | clock', '| 10:00 | Alert fired | 10:05 |', '| 10:00 | o | clock |',
  '10:05 a new deploy', '10:05 A new deploy', '10 a server', '5 apples at 10 p',
  'fell by 38% against 1,300 orders at 14.04 after v2.3.1', '127.0.0.1 - - [14/May/2024:01:13:45 +0000] "GET / HTTP/1.1" 200',
  'Duration: Thursday, May 9, 2024, 17:30 PST - Friday, May 10, 2024, 01:00 PST (7.5 hours)',
  'On the morning of May 16th, 2022, from 09:00 AM to 11:30 AM (UTC+1), the import failed.',
  'Between the hour of 15:30 and 16:30 EAT  on 24th January, 2024, users saw errors.',
  '05:30 PM (EAT (UTC+3)) escalation', '9:00 pm, GMT+1 handover', '10:00 Europe/Berlin rollback', '10:00 [UTC] paged',
  '13:40PM deploy', '13:40 PM deploy', 'Sat, at 9 am restart', 'Monday 10:00 standup', 'Monday at 10:00 standup',
  '25/05/2023 10:00', '10/05/2023 10:00', '5/2024 report', '2024 03 02 09:00', '2024.03.02 09:00', '02.03.2024 09:00',
  '12:00 AM midnight', 'T+0 alert', '1454Z', '10:00Z', 'Day 1, 10:00', '2 hours later', '99 AD 5/3',
  "10:00 UTC−05:00", '10:05 AM deploy', '10:05 – 10:30 window', '09:12–10:10 UTC',
  'Incident window 09:12-10:10 UTC (58 minutes); rollback 10:02 — 10:06.',
  '(Monday, March 5, 2024 10:00) kickoff', ', Monday, March 5 at 10:00', '- **Monday, March 5** 10:00 kickoff',
];

const corpusPresent = existsSync(CORPUS);

describe('differential: optimised readers equal the reference', () => {
  it('the shared public corpus is present (required on CI)', () => {
    if (process.env['CI'] && !corpusPresent) throw new Error(`corpus folder missing on CI: ${CORPUS.pathname}`);
  });

  it('every unit-test literal and edge case, bare and decorated', () => {
    const texts = decorated([...unitTestLiterals(), ...EDGE_CASES]);
    expect(texts.length).toBeGreaterThan(500);
    const { mismatches } = compare(texts);
    expect(mismatches).toEqual([]);
  });

  const folders: Array<[string, URL, boolean]> = [
    ['shared corpus (public)', CORPUS, !corpusPresent],
    ['postmortems/', POSTMORTEMS, !existsSync(POSTMORTEMS)],
  ];
  for (const [label, dir, absent] of folders) {
    describe.skipIf(absent)(label, () => {
      const lines = absent ? [] : markdownLines(dir);
      // Fixed-size chunks keep each test well inside the timeout.
      const chunk = 2000;
      for (let from = 0; from < Math.max(lines.length, 1); from += chunk) {
        const part = lines.slice(from, from + chunk);
        it(`lines ${from + 1}–${from + part.length} of ${lines.length}, bare and "- **"-decorated`, () => {
          const { checked, mismatches } = compare(decorated(part));
          expect(checked).toBe(part.length * DECORATIONS.length * CALLS.length);
          expect(mismatches).toEqual([]);
        });
      }
      it('run-on look-aheads and table cells, as the timeline reads them', () => {
        const { mismatches } = compare([...runOnPieces(lines), ...tableCells(lines)]);
        expect(mismatches).toEqual([]);
      });
      it('has lines to compare', () => {
        expect(lines.length).toBeGreaterThan(100);
      });
    });
  }
});
