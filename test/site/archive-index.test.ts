// /index.json without a build: a small archive with contributing factors and triggers, a pair
// of incidents that name each other, two with a similar root cause, a finding the baseline
// records and an overdue action item, turned into the index and checked against its JSON
// Schema and against the figures the /actions/ and service pages show.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { fingerprint } from '../../src/lint/baseline.ts';
import { archiveActions, followThrough } from '../../src/site/shared/actions.ts';
import { archiveIndex, type ArchiveIndex, type IndexedIncident } from '../../src/site/shared/archive-index.ts';
import { markKnown } from '../../src/site/shared/baseline.ts';
import { byNewest, toIncident } from '../../src/site/shared/incident.ts';
import { relatedArchive, rootCauseText } from '../../src/site/shared/related.ts';
import { renderPostmortem } from '../../src/site/shared/render.ts';
import type { EntryData, LintedFinding, StoredModel } from '../../src/site/shared/types.ts';
import { repoRoot } from './project.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ROOT = '/archive';
const TODAY = '2026-03-01';
const SITE = 'https://incidents.example.test/';

const QUEUE_CAUSE =
  'The ledger worker queue backed up because every retry of a failed write waited for the full lock timeout, so the backlog grew faster than the workers drained it.';
const QUEUE_AGAIN =
  'Again the ledger worker queue backed up: each retry of a failed write waited for the full lock timeout and the backlog grew faster than the workers drained it.';
const DNS_CAUSE = 'A resolver change sent lookups for the internal domain to a public server, which answered with nothing, so sign-in pages could not load.';

/** A postmortem as the loader stores it, with `findings` marked known where `recorded` lists them (a baseline). */
function entry(slug: string, frontmatter: string, body: string, findings: LintedFinding[] = [], recorded: LintedFinding[] = []) {
  const source = `---\n${frontmatter.trim()}\n---\n\n# ${slug}\n\n${body.trim()}\n`;
  const file = `${ROOT}/${slug}.md`;
  const { model, tree } = buildModel(file, source);
  const { source: _source, ...stored } = model;
  const rendered = renderPostmortem(tree, { titleLine: model.titleLine, title: model.title });
  let data: EntryData<LintedFinding> = {
    slug,
    sourcePath: `postmortems/${slug}.md`,
    model: stored as StoredModel,
    findings,
    errorCount: findings.filter((f) => f.severity === 2).length,
    warningCount: findings.filter((f) => f.severity === 1).length,
    lastUpdated: { iso: '2026-01-02T03:04:05Z', from: 'mtime' },
    excerpt: '',
  };
  if (recorded.length > 0) {
    const lines = source.split('\n');
    const fingerprints: Record<string, Record<string, number>> = {};
    for (const f of recorded) (fingerprints[f.ruleId] ??= {})[fingerprint(f, lines[f.line - 1] ?? '')] = 1;
    data = markKnown(data, file, source, { baseline: { version: 1, files: { [`${slug}.md`]: fingerprints } }, root: ROOT });
  }
  return { incident: toIncident(data), rootCause: rootCauseText(stored, rendered.headings, rendered.html) };
}

function finding(ruleId: string, severity: 1 | 2, line: number): LintedFinding {
  return { ruleId, severity, message: `${ruleId} at line ${line}`, line, column: 1, endLine: line, endColumn: 2, fixable: false };
}

const oldError = finding('required-sections', 2, 6);
const newWarning = finding('blameless-language', 1, 8);

const built = [
  entry(
    '2025-04-02-ledger-backlog',
    'id: LDG-1\ndate: 2025-04-02\nservices: [ledger]\ncontributing_factors: [retry amplification, missing alert]\ntrigger: deploy\nrelated: [SGN-1]',
    `## Summary\n\nWrites to the ledger were dropped.\n\nThe old wording here.\n\n## Root Cause\n\n${QUEUE_CAUSE}\n\n## Action Items\n\n- [x] Cap the retries (owner: @ana, due: 2025-05-01)\n- [ ] Alert on queue depth (owner: @bo, due: 2026-01-01)\n- [ ] Write the runbook (owner: @ana)`,
    [oldError, newWarning],
    [oldError],
  ),
  entry(
    '2025-09-14-ledger-backlog-again',
    'id: LDG-2\ndate: 2025-09-14\nservices: [ledger, Billing]\ntriggers: [traffic spike, cron job]',
    `## Summary\n\nThe backlog came back.\n\n## Root Cause\n\n${QUEUE_AGAIN}`,
  ),
  entry(
    '2025-10-20-sign-in',
    'id: SGN-1\ndate: 2025-10-20\nservices: [sign-in]\nrelated: [LDG-1, NOPE-404]',
    `## Summary\n\nSign-in failed.\n\n## Root Cause\n\n${DNS_CAUSE}\n\n## Action Items\n\n- [ ] Pin the resolver (owner: @cy, due: 2026-02-20)`,
  ),
  entry('2025-11-01-billing', 'id: BIL-1\ndate: 2025-11-01\nservices: [billing]', '## Summary\n\nInvoices went out late.'),
];
const incidents = built.map((b) => b.incident).sort(byNewest);
const rootCauses = new Map(built.flatMap((b) => (b.rootCause ? [[b.incident.slug, b.rootCause] as const] : [])));
const { related } = relatedArchive(incidents, rootCauses);
const index: ArchiveIndex = archiveIndex(incidents, { title: 'Our incidents', siteUrl: SITE, today: TODAY, related });
const bySlug = (slug: string): IndexedIncident => index.incidents.find((i) => i.slug === slug)!;

describe('/index.json', () => {
  it('matches its JSON Schema, and the schema holds every field the index writes', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'archive-index.schema.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const written = JSON.parse(JSON.stringify(index)) as ArchiveIndex;
    expect(validate(written), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    // The schema forbids fields it does not describe: one more is refused, so the check above means something.
    const extra = structuredClone(written);
    (extra.incidents[0]!.lint as unknown as Record<string, unknown>)['ignored'] = 1;
    expect(validate(extra)).toBe(false);
    const late = structuredClone(written);
    late.incidents[0]!.related[0]!.reasons = [{ kind: 'similar-root-cause' } as never];
    expect(validate(late)).toBe(false);
  });

  it('gives each incident its contributing factors and triggers', () => {
    expect(bySlug('2025-04-02-ledger-backlog')).toMatchObject({ factors: ['retry amplification', 'missing alert'], triggers: ['deploy'] });
    expect(bySlug('2025-09-14-ledger-backlog-again')).toMatchObject({ factors: [], triggers: ['traffic spike', 'cron job'] });
  });

  it('splits the lint status into new findings and those the baseline records', () => {
    expect(bySlug('2025-04-02-ledger-backlog').lint).toEqual({
      status: 'warning',
      errors: 0,
      warnings: 1,
      new: { errors: 0, warnings: 1 },
      known: { errors: 1, warnings: 0 },
    });
    expect(bySlug('2025-11-01-billing').lint).toEqual({
      status: 'clean',
      errors: 0,
      warnings: 0,
      new: { errors: 0, warnings: 0 },
      known: { errors: 0, warnings: 0 },
    });
  });

  it('lists related incidents as the pages do, each with the kind of reason and a link', () => {
    const reasons = (slug: string) => bySlug(slug).related.map((r) => [r.id, r.slug, r.reasons]);
    expect(reasons('2025-10-20-sign-in')).toEqual([
      // Each names the other: both reasons, on both sides.
      ['LDG-1', '2025-04-02-ledger-backlog', [{ kind: 'named' }, { kind: 'named-by' }]],
      ['NOPE-404', null, [{ kind: 'named' }]],
    ]);
    expect(bySlug('2025-10-20-sign-in').related[1]!.url).toBeNull();
    expect(reasons('2025-04-02-ledger-backlog')).toEqual([
      ['SGN-1', '2025-10-20-sign-in', [{ kind: 'named' }, { kind: 'named-by' }]],
      ['LDG-2', '2025-09-14-ledger-backlog-again', [{ kind: 'similar-root-cause', similarityPercent: expect.any(Number) }]],
    ]);
    const similar = bySlug('2025-04-02-ledger-backlog').related[1]!.reasons[0] as { similarityPercent: number };
    expect(similar.similarityPercent).toBeGreaterThanOrEqual(50);
    expect(similar.similarityPercent).toBe(Number(/(\d+)%/.exec(related.get('2025-04-02-ledger-backlog')![1]!.why)![1]));
    // Only a shared service: the services named, in the other incident's spelling.
    expect(reasons('2025-11-01-billing')).toEqual([['LDG-2', '2025-09-14-ledger-backlog-again', [{ kind: 'same-service', services: ['Billing'] }]]]);
    expect(bySlug('2025-10-20-sign-in').related[0]!.url).toBe(`${SITE}incidents/2025-04-02-ledger-backlog/`);
  });

  it('gives each action item its state on the day of the build, overdue ones with their days', () => {
    expect(bySlug('2025-04-02-ledger-backlog').actionItems.map((a) => [a.text, a.state, a.overdue, a.followThrough, a.daysOverdue])).toEqual([
      ['Cap the retries', 'done', false, 'done', null],
      ['Alert on queue depth', 'open', true, 'overdue', 59],
      ['Write the runbook', 'open', false, 'open', null],
    ]);
    expect(bySlug('2025-10-20-sign-in').actionItems[0]).toMatchObject({ owner: '@cy', due: '2026-02-20', followThrough: 'overdue', daysOverdue: 9 });
  });

  it('gives the archive’s follow-through, the figures of the /actions/ page', () => {
    expect(index.builtOn).toBe(TODAY);
    expect(index.followThrough).toEqual(followThrough(archiveActions(incidents, TODAY)));
    expect(index.followThrough).toMatchObject({ total: 4, done: 1, open: 1, overdue: 2, shareDone: 0.25, openWithoutDue: 1 });
    expect(index.followThrough.overdueByAge.map((age) => age.count)).toEqual([1, 1, 0, 0]);
  });

  it('counts per service as its page does: incidents, action items, related incidents elsewhere', () => {
    expect(index.services.map((s) => [s.service, s.incidents, s.followThrough.total, s.followThrough.overdue, s.relatedElsewhere, s.url])).toEqual([
      // "Billing" and "billing" are one page, named as first written (newest first).
      // LDG-2's root cause is like LDG-1's, on ledger only.
      ['billing', 2, 0, 0, 1, `${SITE}services/billing/`],
      ['ledger', 2, 3, 1, 1, `${SITE}services/ledger/`],
      ['sign-in', 1, 1, 1, 1, `${SITE}services/sign-in/`],
    ]);
  });
});
