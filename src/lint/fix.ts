// Applying fixes: non-overlapping replacements, each touching only its own span, so every
// byte outside the fixed spans is kept as it was. Rules find fixes in the decoded text;
// `applyFixesToBytes` makes them on the file's bytes, where invalid UTF-8 stays as it was.
import type { Finding } from './engine.ts';

export interface FixOutcome {
  output: string;
  /** Findings whose fix was applied. */
  applied: Finding[];
}

export function applyFixes(source: string, findings: readonly Finding[]): FixOutcome {
  const fixable = findings.filter((f) => f.fix).sort((a, b) => a.fix!.start - b.fix!.start || a.fix!.end - b.fix!.end);
  const applied: Finding[] = [];
  let output = '';
  let cursor = 0;
  for (const finding of fixable) {
    const fix = finding.fix!;
    if (fix.start < cursor || fix.end < fix.start || fix.end > source.length) continue; // overlaps an earlier fix: next pass
    output += source.slice(cursor, fix.start) + fix.text;
    cursor = fix.end;
    applied.push(finding);
  }
  output += source.slice(cursor);
  return { output, applied };
}

/**
 * The file's bytes with the `applied` fixes (of `applyFixes`, on the text these bytes decode
 * to) made to them: every byte outside the fixed spans is kept exactly, invalid UTF-8
 * included, which the text holds only as U+FFFD. Null when a fix's span does not fall between
 * two characters of the text.
 */
export function applyFixesToBytes(bytes: Buffer, applied: readonly Finding[]): Buffer | null {
  const spans = applied.map((f) => f.fix!).sort((a, b) => a.start - b.start);
  const offsets = byteOffsets(
    bytes,
    spans.flatMap((fix) => [fix.start, fix.end]),
  );
  if (offsets === null) return null;
  const parts: Buffer[] = [];
  let cursor = 0;
  spans.forEach((fix, i) => {
    parts.push(bytes.subarray(cursor, offsets[2 * i]!), Buffer.from(fix.text, 'utf8'));
    cursor = offsets[2 * i + 1]!;
  });
  parts.push(bytes.subarray(cursor));
  return Buffer.concat(parts);
}

/**
 * For each offset into the text `bytes` decode to (ascending), the offset of the same place in
 * the bytes; null when one falls inside a character (between the halves of a surrogate pair).
 * Decodes as TextDecoder and Buffer#toString do (WHATWG): each invalid sequence, cut at its
 * longest valid prefix, reads as one U+FFFD.
 */
export function byteOffsets(bytes: Buffer, textOffsets: readonly number[]): number[] | null {
  const found: number[] = [];
  let want = 0;
  let unit = 0;
  // Records every wanted offset at the boundary (unit, byte); false when one was skipped.
  const boundary = (at: number): boolean => {
    while (want < textOffsets.length && textOffsets[want]! <= unit) {
      if (textOffsets[want] !== unit) return false;
      found.push(at);
      want++;
    }
    return true;
  };
  let i = 0;
  while (i < bytes.length) {
    if (!boundary(i)) return null;
    const length = sequenceLength(bytes, i);
    // A valid four-byte sequence is two UTF-16 units; anything else one (a character or U+FFFD).
    unit += length.valid && length.bytes === 4 ? 2 : 1;
    i += length.bytes;
  }
  if (!boundary(bytes.length)) return null;
  return want === textOffsets.length ? found : null;
}

/** The length of the UTF-8 sequence at `i`, and whether it is valid (else it reads as one U+FFFD). */
function sequenceLength(bytes: Buffer, i: number): { bytes: number; valid: boolean } {
  const lead = bytes[i]!;
  if (lead <= 0x7f) return { bytes: 1, valid: true };
  let needed: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    needed = 2;
    if (lead === 0xe0) lower = 0xa0;
    if (lead === 0xed) upper = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    needed = 3;
    if (lead === 0xf0) lower = 0x90;
    if (lead === 0xf4) upper = 0x8f;
  } else return { bytes: 1, valid: false };
  for (let seen = 1; seen <= needed; seen++) {
    const next = bytes[i + seen];
    if (next === undefined || next < lower || next > upper) return { bytes: seen, valid: false };
    lower = 0x80;
    upper = 0xbf;
  }
  return { bytes: needed + 1, valid: true };
}
