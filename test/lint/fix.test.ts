// `--fix`: fixes replace only their own spans. Property tests over generated fix lists and
// over generated postmortems run through the real fixable rules (frontmatter-schema's
// severity case, canonical-headings' names): no other byte is lost or moved, and fixing
// twice is fixing once. Fixes made on the text are carried to the file's bytes, where
// invalid UTF-8 (U+FFFD in the text) is kept byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/engine.ts';
import { applyFixes, applyFixesToBytes, byteOffsets } from '../../src/lint/fix.ts';
import { fixText, lintText, type LintTextOptions } from '../helpers/lint-text.ts';
import { LATER_SECTION_HEADINGS } from '../helpers/section-headings.ts';

function withFix(start: number, end: number, text: string): Finding {
  return { ruleId: 'x', severity: 2, message: 'x', line: 1, column: 1, endLine: 1, endColumn: 1, fix: { start, end, text } };
}

/** Checks that `output` is `source` with exactly the `applied` spans replaced, all else in order. */
function expectOnlySpansReplaced(source: string, output: string, applied: readonly Finding[]): void {
  let from = 0;
  let at = 0;
  for (const finding of [...applied].sort((a, b) => a.fix!.start - b.fix!.start)) {
    const fix = finding.fix!;
    expect(fix.start).toBeGreaterThanOrEqual(from);
    const kept = source.slice(from, fix.start);
    expect(output.slice(at, at + kept.length)).toBe(kept);
    at += kept.length;
    expect(output.slice(at, at + fix.text.length)).toBe(fix.text);
    at += fix.text.length;
    from = fix.end;
  }
  expect(output.slice(at)).toBe(source.slice(from));
}

describe('applyFixes', () => {
  it('keeps every byte outside the applied spans, in order, and applies no two overlapping fixes', () => {
    const arbitrary = fc.string({ unit: 'grapheme', maxLength: 60 }).chain((source) =>
      fc.record({
        source: fc.constant(source),
        fixes: fc.array(
          fc
            .tuple(fc.nat({ max: source.length }), fc.nat({ max: source.length }), fc.string({ maxLength: 8 }))
            .map(([a, b, text]) => withFix(Math.min(a, b), Math.max(a, b), text)),
          { maxLength: 6 },
        ),
      }),
    );
    fc.assert(
      fc.property(arbitrary, ({ source, fixes }) => {
        const others = [{ ...withFix(0, 0, ''), fix: undefined }];
        const { output, applied } = applyFixes(source, [...others, ...fixes]);
        expectOnlySpansReplaced(source, output, applied);
        // Each fix left out overlaps one that was applied (it waits for the next pass).
        for (const skipped of fixes.filter((f) => !applied.includes(f))) {
          expect(
            applied.some((a) => skipped.fix!.start < a.fix!.end && a.fix!.start < skipped.fix!.end) ||
              applied.some((a) => a.fix!.end > skipped.fix!.start && a.fix!.start <= skipped.fix!.start),
          ).toBe(true);
        }
        if (fixes.length === 0) expect(output).toBe(source);
      }),
      { numRuns: 300 },
    );
  });

  it('applies fixes given in any order by position, and ignores spans out of range', () => {
    const source = 'severity: sev2\n## Issue Summary\n';
    const { output, applied } = applyFixes(source, [
      withFix(18, 31, 'Summary'),
      withFix(10, 14, 'SEV2'),
      withFix(20, 25, 'overlaps'),
      withFix(40, 99, 'out of range'),
    ]);
    expect(output).toBe('severity: SEV2\n## Summary\n');
    expect(applied).toHaveLength(2);
  });
});

// Generated postmortems: frontmatter with a severity in any case, sections with headings in
// known and unknown spellings and decorations, prose, lists and code (whose look-alike
// headings and keys must never be touched), in LF or CRLF.

const SPELLINGS = [
  'Summary',
  'Issue Summary',
  'summary',
  'Executive Summary',
  'Timeline',
  'Timeline of Events',
  'timeline',
  'Root Cause',
  'root cause',
  'Root Cause Analysis',
  'Root Cause and Resolution',
  'Impact',
  'Customer Impact',
  'Detection',
  ...LATER_SECTION_HEADINGS,
  'Where We Got Lucky',
  'Background',
  'Notes',
];
const SEVERITIES = ['SEV1', 'SEV2', 'sev2', 'Sev3', 'sev-4', 'SEV_5', 'sev 1', 'P1', 'high'];
const WORDS = [
  'the',
  'database',
  'alert',
  'fired',
  'at',
  '10:05',
  'UTC',
  'écrit',
  '数据库',
  '🙂',
  'disk',
  'full,',
  'users',
  '1,200',
  'severity:',
  'Summary',
  'Root',
  'Cause',
  '`df -h`',
  '**bold**',
  'https://status.example.org',
  'OPS-12',
];

interface Generated {
  text: string;
  /** Lines (0-based) a fix may change: headings and the frontmatter's severity. */
  fixable: Set<number>;
  /** For each fixable line: what must stay at its start and its end. */
  frame: Map<number, [string, string]>;
}

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((words) => `${words.join(' ')}.`);

const block = fc.oneof(
  sentence,
  fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => items.map((s) => `- ${s}`).join('\n')),
  fc.constantFrom('```\n## Issue Summary\nseverity: sev2\n```', '    ## Timeline of Events (indented code)', '> ## Root cause\n> quoted'),
);

const section = fc.record({
  name: fc.constantFrom(...SPELLINGS),
  style: fc.constantFrom('atx2', 'atx3', 'atx-closed', 'setext'),
  prefix: fc.constantFrom('', '1. ', '🕒 ', '3. 🔥 '),
  tail: fc.constantFrom('', ' (all times UTC)', ':'),
  body: fc.array(block, { maxLength: 3 }),
});

const documents: fc.Arbitrary<Generated> = fc
  .record({
    severity: fc.option(fc.constantFrom(...SEVERITIES), { nil: undefined }),
    title: fc.option(sentence, { nil: undefined }),
    sections: fc.array(section, { minLength: 1, maxLength: 7 }),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
  })
  .map(({ severity, title, sections, eol, finalNewline }) => {
    const lines: string[] = [];
    const fixable = new Set<number>();
    const frame = new Map<number, [string, string]>();
    if (severity !== undefined) {
      lines.push('---', 'id: PM-1');
      fixable.add(lines.length);
      frame.set(lines.length, ['severity: ', '']);
      lines.push(`severity: ${severity}`, 'status: draft', '---', '');
    }
    if (title !== undefined) {
      // A title that happens to be a section name ("# Cause.") is a heading too.
      fixable.add(lines.length);
      frame.set(lines.length, ['# ', '']);
      lines.push(`# ${title}`, '');
    }
    for (const s of sections) {
      const heading = `${s.prefix}${s.name}${s.tail}`;
      fixable.add(lines.length);
      if (s.style === 'setext') {
        frame.set(lines.length, [s.prefix, s.tail]);
        lines.push(heading, '-'.repeat(Math.max(3, heading.length)));
      } else {
        const marker = s.style === 'atx3' ? '### ' : '## ';
        const close = s.style === 'atx-closed' ? ' ##' : '';
        frame.set(lines.length, [`${marker}${s.prefix}`, `${s.tail}${close}`]);
        lines.push(`${marker}${heading}${close}`);
      }
      lines.push('');
      for (const b of s.body) lines.push(...b.split('\n'), '');
    }
    const text = lines.join(eol).replace(/(\r?\n)+$/, '') + (finalNewline ? eol : '');
    return { text, fixable, frame };
  });

const FIXING: LintTextOptions = { config: { rules: { 'canonical-headings': 'warn' } } };

describe('--fix over generated postmortems', () => {
  it('changes only heading names and the severity value, keeps all other bytes in order, and is idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(documents, async ({ text, fixable, frame }) => {
        const findings = await lintText(text, FIXING);
        const fixes = findings.filter((f) => f.fix);
        for (const f of fixes) {
          expect(text.slice(f.fix!.start, f.fix!.end)).not.toMatch(/[\r\n]/);
          expect(f.fix!.text).not.toMatch(/[\r\n]/);
        }
        const once = applyFixes(text, findings);
        expectOnlySpansReplaced(text, once.output, once.applied);

        const fixed = await fixText(text, FIXING);
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const before = text.split(eol);
        const after = fixed.split(eol);
        expect(after).toHaveLength(before.length);
        before.forEach((line, i) => {
          if (!fixable.has(i)) {
            expect(after[i]).toBe(line);
            return;
          }
          const [start, end] = frame.get(i)!;
          expect(after[i]!.startsWith(start)).toBe(true);
          expect(after[i]!.endsWith(end)).toBe(true);
        });
        // Fixing twice is fixing once: nothing fixable is left.
        expect(await fixText(fixed, FIXING)).toBe(fixed);
        expect((await lintText(fixed, FIXING)).filter((f) => f.fix)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('fixes what the generator says it should', async () => {
    const text =
      '---\nseverity: sev-2\n---\n\n# DB\n\n## 1. Issue Summary:\n\nDown.\n\nTimeline of Events (all times UTC)\n-----------------------------------\n\n- 10:00 alert\n\n```\n## Issue Summary\n```\n';
    expect(await fixText(text, FIXING)).toBe(
      '---\nseverity: SEV2\n---\n\n# DB\n\n## 1. Summary:\n\nDown.\n\nTimeline (all times UTC)\n-----------------------------------\n\n- 10:00 alert\n\n```\n## Issue Summary\n```\n',
    );
  });
});

// Bytes as files hold them: valid UTF-8 of every length, and every kind of invalid sequence
// (a lone continuation byte, a cut-short sequence, an overlong form, a surrogate, past U+10FFFF).
const PIECES = ['a', 'é', '€', '🙂', '\n', ' '].map((s) => [...Buffer.from(s, 'utf8')]);
const INVALID = [[0x80], [0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x99], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xfe]];
const messyBytes = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...INVALID), fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 3 })), { maxLength: 40 })
  .map((parts) => Buffer.from(parts.flat()));

/** The offsets of `text` between two characters (never between the halves of a surrogate pair). */
function characterBoundaries(text: string): number[] {
  const at = [0];
  for (const char of text) at.push(at.at(-1)! + char.length);
  return at;
}

describe('fixes on the bytes of a file with invalid UTF-8', () => {
  it('maps each place in the decoded text to the byte where the same text begins and ends', () => {
    fc.assert(
      fc.property(messyBytes, (bytes) => {
        const text = bytes.toString('utf8');
        const places = characterBoundaries(text);
        const offsets = byteOffsets(bytes, places);
        expect(offsets).not.toBeNull();
        places.forEach((place, i) => {
          // What lies before and after the byte decodes to the text before and after the place.
          expect(bytes.subarray(0, offsets![i]).toString('utf8')).toBe(text.slice(0, place));
          expect(bytes.subarray(offsets![i]).toString('utf8')).toBe(text.slice(place));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every byte outside the fixed spans, invalid ones included, and gives the fixed text', () => {
    const arbitrary = messyBytes.chain((bytes) => {
      const places = characterBoundaries(bytes.toString('utf8'));
      return fc.record({
        bytes: fc.constant(bytes),
        fixes: fc.array(
          fc
            .tuple(fc.constantFrom(...places), fc.constantFrom(...places), fc.string({ maxLength: 4 }))
            .map(([a, b, text]) => withFix(Math.min(a, b), Math.max(a, b), text)),
          { maxLength: 4 },
        ),
      });
    });
    fc.assert(
      fc.property(arbitrary, ({ bytes, fixes }) => {
        const text = bytes.toString('utf8');
        const { output, applied } = applyFixes(text, fixes);
        const fixed = applyFixesToBytes(bytes, applied)!;
        const places = applied.flatMap((f) => [f.fix!.start, f.fix!.end]);
        const offsets = byteOffsets(bytes, places)!;
        // Outside the spans: the original bytes, in order; inside: each fix's UTF-8.
        const expected: Buffer[] = [];
        let cursor = 0;
        applied.forEach((f, i) => {
          expected.push(bytes.subarray(cursor, offsets[2 * i]), Buffer.from(f.fix!.text));
          cursor = offsets[2 * i + 1]!;
        });
        expected.push(bytes.subarray(cursor));
        expect(fixed).toEqual(Buffer.concat(expected));
        if (applied.length === 0) expect(fixed).toEqual(bytes);
        // Unless a removed span joined invalid bytes into a character (run.ts then stops fixing),
        // the fixed bytes read as the fixed text.
        const joined = applied.some((f) => (f.fix!.start === f.fix!.end ? false : f.fix!.text === ''));
        if (!joined) expect(fixed.toString('utf8')).toBe(output);
      }),
      { numRuns: 500 },
    );
  });

  it('a place inside a character (between the halves of a surrogate pair) has no byte', () => {
    const bytes = Buffer.from('a🙂b', 'utf8');
    expect(byteOffsets(bytes, [0, 1, 3, 4])).toEqual([0, 1, 5, 6]);
    expect(byteOffsets(bytes, [2])).toBeNull();
    expect(applyFixesToBytes(bytes, [withFix(2, 3, 'x')])).toBeNull();
  });

  it('a severity fixed beside invalid bytes leaves them as they were', () => {
    // "Café" saved as Latin-1, then a stray 0xFF and a cut-short sequence.
    const bytes = Buffer.concat([Buffer.from('---\nseverity: sev2\n---\n# Caf'), Buffer.from([0xe9, 0x20, 0xff, 0xc3]), Buffer.from('\n')]);
    const text = bytes.toString('utf8');
    const start = text.indexOf('sev2');
    const fixed = applyFixesToBytes(bytes, [withFix(start, start + 4, 'SEV2')])!;
    expect(fixed).toEqual(Buffer.from(bytes.toString('latin1').replace('sev2', 'SEV2'), 'latin1'));
  });
});
