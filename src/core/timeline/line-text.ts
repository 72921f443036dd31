// The text of one timeline line: where its time ends, what follows it, a label before it,
// and where a second entry starts inside it.
import type { Paragraph } from 'mdast';
import { plainText, type TextLine } from '../text.ts';
import { readLeadingTime, type TimeReading } from '../time/index.ts';

const SEPARATOR = /^[\s:\-–—|)\]*.,>~]+/;
const APPROXIMATE = /^\(\s*(?:approx(?:\.|imately)?|est(?:\.|imated)?|about|around|circa|ca\.)\s*\)/i;
/** Where a second entry starts inside a line: after a sentence ends, a time follows. */
const RUN_ON = /[.!?;]\s+(?=\d{1,2}[:.]\d{2}|\d{4}-\d{2}-\d{2})/g;
const RUN_ON_LOOKAHEAD = 160;
/** "Issue Detected: May 10, 2023, 08:00 AM": a short label, then the time. */
const LABEL_PREFIX = /^([^:\d]{2,40}?)[:：]\s+(?=\S)/;

/** A time after a short label: "Issue Detected: May 10, 2023, 08:00 AM". */
export function readLabelledTime(text: string): { reading: TimeReading; label: string } | null {
  const match = LABEL_PREFIX.exec(text);
  if (!match) return null;
  const at = match[0].length;
  const reading = readLeadingTime(text.slice(at), 0);
  if (!reading) return null;
  const shifted: TimeReading = { ...reading, index: reading.index + at };
  if (reading.end) shifted.end = { ...reading.end, index: reading.end.index + at };
  return { reading: shifted, label: match[1]!.replace(/[*_]/g, '').trim() };
}

export function withLabel(label: string | undefined, text: string): string {
  if (!label) return text;
  return text ? `${label}: ${text}` : label;
}

/** Where the time expression ends: after the range's end for "10:05–10:30". */
export function timeEnd(reading: TimeReading): number {
  const end = reading.end;
  return end && end.index > reading.index ? end.index + end.length : reading.index + reading.length;
}

/** The entry's text: what follows the time, without separators or an "(approx.)". */
export function entryText(text: string, reading: TimeReading): string {
  return text.slice(timeEnd(reading)).replace(SEPARATOR, '').replace(APPROXIMATE, '').replace(SEPARATOR, '').trim();
}

export function splitRunOn(text: string): string[] {
  RUN_ON.lastIndex = 0;
  if (!RUN_ON.test(text)) return [text];
  const pieces: string[] = [];
  let start = 0;
  RUN_ON.lastIndex = 0;
  for (let match = RUN_ON.exec(text); match; match = RUN_ON.exec(text)) {
    const cut = match.index + match[0].length;
    // A bounded look ahead: reading the whole rest of a long line at every sentence is quadratic.
    if (!readLeadingTime(text.slice(cut, cut + RUN_ON_LOOKAHEAD), 0)) continue;
    pieces.push(text.slice(start, match.index + 1));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

export function paragraphText(paragraph: Paragraph, lines: readonly TextLine[]): string {
  return (
    lines
      .map((line) => line.text)
      .filter(Boolean)
      .join(' ') || plainText(paragraph).trim()
  );
}

export function lineEnd(source: string, starts: readonly number[], line: number): number {
  const next = starts[line];
  if (next === undefined) return source.length;
  return source[next - 2] === '\r' ? next - 2 : next - 1;
}

/**
 * `text` without these characters at its end, cut by a loop: as `/[…]+$/`, a long run of
 * them inside the text costs quadratic time.
 */
export function trimMarks(text: string, marks: string): string {
  let end = text.length;
  while (end > 0 && marks.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}
