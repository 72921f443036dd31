// The archive entry (src/lint/archive/entry.ts, body-scan.ts) reads a postmortem without
// building the model: its own line scan for headings and the model's frontmatter readers. It
// is kept because the archive index reads every file of an archive on a cold run, and the scan
// costs about a twentieth of the model. Over this repository's postmortems and the corpora,
// it must give what the model gives, save where the difference is listed here with its reason.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { indexEntry, type ArchiveEntry } from '../../src/lint/archive/entry.ts';
import { redactSecrets } from '../../src/lint/secrets/redact.ts';

const folders = [path.resolve('postmortems'), path.resolve('../shared/corpus/public'), path.resolve('../shared/corpus/varied')].filter((dir) =>
  existsSync(dir),
);
const files = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => path.join(dir, name)),
);

/**
 * Where the scan reads a file otherwise than the model, by file name and field. Each entry
 * says why; the test fails when one of them stops differing too, so the list stays true.
 */
const KNOWN: Record<string, { field: 'title' | 'rootCauseLine' | 'rootCauseText'; why: string }[]> = {
  // Two HTML heading lines with no blank line between: the parser reads one HTML block, the
  // model's title is both lines' text; the scan reads a heading a line at a time.
  '0071.md': [{ field: 'title', why: 'an HTML heading over two lines' }],
  '0072.md': [{ field: 'title', why: 'an HTML heading over two lines' }],
  // "What was the root cause?" over text in a paragraph: a question the scan takes for the
  // section's heading; the model reads the paragraph as prose.
  '0077.md': [{ field: 'rootCauseLine', why: 'a question line that names the section' }],
  // Headings indented by a few spaces in a list-like outline: the parser reads them as list
  // text or code, the scan (which knows no lists) reads some and not others.
  '0118.md': [{ field: 'rootCauseLine', why: 'headings indented in an outline' }],
  '0135.md': [{ field: 'rootCauseLine', why: 'headings indented in an outline' }],
  '0019.md': [{ field: 'rootCauseText', why: 'headings indented in an outline' }],
  // A bold "Root Cause:" label inside the summary's list of facts, and another section later:
  // the model keeps the label inside the summary (a list of facts), the scan takes it.
  '0156.md': [{ field: 'rootCauseLine', why: 'a bold label in a list of facts' }],
};

/** The share of the scan's words the model's root-cause text holds too: near 1 where the scan reads a part of it. */
const MIN_SHARED_WORDS = 0.95;

interface Reading {
  id: string | null;
  title: string | null;
  date: string | null;
  services: string[];
  related: string[];
  rootCauseLine: number | null;
  rootCauseWords: string[];
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Text without its fenced code blocks: the entry keeps a section's prose, not its logs and listings. */
function withoutCode(text: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const mark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && mark) fence = mark;
    else if (fence !== null && mark && mark[0] === fence[0] && mark.length >= fence.length) fence = null;
    else if (fence === null) kept.push(line);
  }
  return kept.join('\n');
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function list(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(scalar).filter((item): item is string => item !== null);
}

function day(value: unknown): string | null {
  return typeof value === 'string' ? (/^\s*(\d{4}-\d{2}-\d{2})(?!\d)/.exec(value)?.[1] ?? null) : null;
}

/** What the model says of the fields an archive entry holds (the entry's rules: frontmatter first, then the file name). */
function modelReading(file: string, source: string): Reading | null {
  const { model, fatal } = buildModel(file, source);
  if (fatal) return null;
  const fm = model.frontmatter.data ?? {};
  const rootCause = model.sections.filter((section) => section.kind === 'root-cause');
  return {
    id: scalar(fm.id),
    title: model.title === null ? null : redactSecrets(model.title),
    date: day(fm.date) ?? day(fm.incident_start) ?? /^(\d{4}-\d{2}-\d{2})(?!\d)/.exec(path.basename(file))?.[1] ?? null,
    services: list(fm.services),
    related: list(fm.related),
    rootCauseLine: rootCause[0]?.line ?? null,
    rootCauseWords: words(withoutCode(rootCause.map((section) => source.slice(section.bodyStart, section.bodyEnd)).join('\n'))),
  };
}

function entryReading(entry: ArchiveEntry): Reading {
  return {
    id: entry.id,
    title: entry.title,
    date: entry.date,
    services: entry.services,
    related: entry.related,
    rootCauseLine: entry.rootCause?.line ?? null,
    rootCauseWords: words(entry.rootCause?.text ?? ''),
  };
}

describe('the archive entry reads what the model reads', () => {
  it('over the postmortems and the corpora: id, title, date, services, related and the root cause', () => {
    expect(files.length).toBeGreaterThan(10);
    const differences: string[] = [];
    let compared = 0;
    let sameText = 0;
    let withText = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const model = modelReading(file, source);
      if (model === null) continue;
      compared++;
      const scan = entryReading(indexEntry(file, source, 'root-cause'));
      const name = path.basename(file);
      for (const field of ['id', 'date', 'services', 'related', 'title', 'rootCauseLine'] as const) {
        if (JSON.stringify(scan[field]) !== JSON.stringify(model[field]))
          differences.push(`${name} ${field}: model ${JSON.stringify(model[field])}, scan ${JSON.stringify(scan[field])}`);
      }
      if (scan.rootCauseLine === null || scan.rootCauseLine !== model.rootCauseLine) continue;
      withText++;
      if (scan.rootCauseWords.join(' ') === model.rootCauseWords.join(' ')) {
        sameText++;
        continue;
      }
      // The scan may end the section sooner (at a bold or plain line naming another part that
      // the model keeps inside it): fewer of the same words, which the recurrence rule compares.
      const held = new Set(model.rootCauseWords);
      const shared = scan.rootCauseWords.filter((word) => held.has(word)).length / scan.rootCauseWords.length;
      if (shared < MIN_SHARED_WORDS) differences.push(`${name} rootCauseText: ${(shared * 100).toFixed(0)}% of the scan's words are the model's`);
    }
    const expected = Object.entries(KNOWN).flatMap(([name, known]) => known.map((k) => `${name} ${k.field}`));
    expect(differences.map((line) => line.split(':')[0]).sort()).toEqual(
      expected.filter((key) => files.some((file) => path.basename(file) === key.split(' ')[0])).sort(),
    );
    expect(compared).toBeGreaterThan(files.length * 0.9);
    // Most root-cause sections are read word for word alike.
    expect(sameText / withText).toBeGreaterThan(0.9);
  });

  it('reads TOML frontmatter and a closing fence as the parser does', () => {
    const toml = indexEntry('/a/x.md', '+++\nid = "T-1"\ntitle = "Hugo page"\ndate = 2024-03-02T10:00:00Z\nservices = ["api"]\n+++\n\nText.\n', 'index');
    expect(toml).toMatchObject({ id: 'T-1', title: 'Hugo page', date: '2024-03-02', services: ['api'] });
    // "..." does not close a block the parser opened with "---": there is no frontmatter then.
    const dots = indexEntry('/a/x.md', '---\nid: D-1\n...\n\n# Heading\n', 'index');
    expect(dots.id).toBeNull();
    expect(buildModel('/a/x.md', '---\nid: D-1\n...\n\n# Heading\n').model.frontmatter.data).toBeNull();
  });

  it('finds the title and the root cause where the model does: a heading of any level, a bold label, a line in a paragraph', () => {
    const source = [
      '## Checkout outage',
      '',
      'Orders failed for an hour.',
      'Root Cause:',
      'A **bad** flag in the release.',
      '',
      '**Resolution:** rolled back.',
      '',
    ].join('\n');
    const entry = indexEntry('/a/x.md', source, 'root-cause');
    const { model } = buildModel('/a/x.md', source);
    expect(entry.title).toBe(model.title);
    expect(entry.title).toBe('Checkout outage');
    expect(entry.rootCause?.line).toBe(model.sections.find((s) => s.kind === 'root-cause')?.line);
    expect(entry.rootCause?.text).toBe('A **bad** flag in the release.');
    const label = indexEntry('/a/x.md', '# T\n\n**Root cause:** a bad flag.\n\n## Impact\n\nSlow.\n', 'root-cause');
    expect(label.rootCause).toEqual({ line: 3, text: 'a bad flag.' });
  });
});
