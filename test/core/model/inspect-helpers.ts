// Builds the model of an inline Markdown fixture and returns what `inspect --format json`
// prints for it, typed, so tests assert what a user would see.
import { buildModel, type ModelOptions } from '../../../src/core/build.ts';
import type { Postmortem } from '../../../src/core/model.ts';
import { inspectJson } from '../../../src/report/inspect.ts';

export interface InspectedSection {
  kind: string;
  heading: string;
  line: number;
  column: number;
  style: string;
  empty: boolean;
}

export interface InspectedOrigin {
  from: string;
  line: number | null;
}

export interface InspectedEntry {
  line: number;
  time: string | null;
  text: string;
  column: number;
  timeText: string | null;
  dateFrom: InspectedOrigin | null;
  zoneFrom: InspectedOrigin | null;
}

export interface InspectedAction {
  line: number;
  text: string;
  owner: string | null;
  ticket: string | null;
  due: string | null;
  done: boolean;
  column: number;
}

export interface Inspected {
  filePath: string;
  title: string | null;
  frontmatter: Record<string, unknown> | null;
  sections: InspectedSection[];
  incident: {
    start: string | null;
    end: string | null;
    timezone: string | null;
    detected: string | null;
    resolved: string | null;
    statedDuration: string | null;
    statedDurationMinutes: number | null;
    startLine: number | null;
    endLine: number | null;
    startFrom: { dateFrom: InspectedOrigin | null; zoneFrom: InspectedOrigin | null };
    endFrom: { dateFrom: InspectedOrigin | null; zoneFrom: InspectedOrigin | null };
    inferred: { start: string; end: string } | null;
  };
  timeline: InspectedEntry[];
  timelineOrder: 'oldest-first' | 'newest-first';
  actionItems: InspectedAction[];
  frontmatterErrors: { message: string; line: number; column: number }[];
}

/** The document's lines joined: line N of the fixture is argument N. */
export function doc(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export function model(markdown: string, options: ModelOptions = {}): Postmortem {
  return buildModel('/tmp/fixture.md', markdown, options).model;
}

export function inspect(markdown: string, options: ModelOptions = {}): Inspected {
  return inspectJson(model(markdown, options)) as unknown as Inspected;
}

/** Sections as "kind: heading @line", the way a reader scans an outline. */
export function outline(markdown: string, options: ModelOptions = {}): string[] {
  return inspect(markdown, options).sections.map((s) => `${s.kind}: ${s.heading} @${s.line}`);
}

/** Timeline entries as "line time text". */
export function entries(markdown: string, options: ModelOptions = {}): string[] {
  return inspect(markdown, options).timeline.map((e) => `${e.line} ${e.time ?? 'null'} ${e.text}`);
}
