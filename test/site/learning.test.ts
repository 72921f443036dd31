// Learning across incidents, without a browser: contributing factors and triggers read from the
// frontmatter, related incidents (named, similar root cause, same service) with the work they
// cost, and the follow-through of action items across the archive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { archiveActions, byOwner, followThrough, inState } from '../../src/site/shared/actions.ts';
import { byNewest, toIncident, type Incident } from '../../src/site/shared/incident.ts';
import { renderPostmortem } from '../../src/site/shared/render.ts';
import { MIN_ROOT_CAUSE_WORDS, relatedArchive, relatedToGroup, rootCauseText, SIMILAR_ROOT_CAUSE, SIMILAR_SHOWN } from '../../src/site/shared/related.ts';
import { readRelated, relatedCacheFile, relatedKey, writeRelated } from '../../src/site/shared/related-cache.ts';
import type { StoredModel } from '../../src/site/shared/types.ts';
import recurrence from '../../rules/recurrence.ts';

interface Built {
  incident: Incident;
  rootCause: string | null;
}

/** A postmortem as the site sees it: its model, and its root cause read from the rendered page. */
function built(slug: string, frontmatter: string, body: string): Built {
  const source = `---\n${frontmatter.trim()}\n---\n\n# ${slug}\n\n${body.trim()}\n`;
  const { model, tree } = buildModel(`/archive/${slug}.md`, source);
  const { source: _source, ...stored } = model;
  const rendered = renderPostmortem(tree, { titleLine: model.titleLine, title: model.title });
  const incident = toIncident({
    slug,
    sourcePath: `postmortems/${slug}.md`,
    model: stored as StoredModel,
    findings: [],
    errorCount: 0,
    warningCount: 0,
    lastUpdated: { iso: '2026-01-02T03:04:05Z', from: 'mtime' },
    excerpt: '',
  });
  return { incident, rootCause: rootCauseText(stored, rendered.headings, rendered.html) };
}

function archiveOf(list: Built[]): { incidents: Incident[]; rootCauses: Map<string, string> } {
  const incidents = list.map((b) => b.incident).sort(byNewest);
  const rootCauses = new Map(list.flatMap((b) => (b.rootCause ? [[b.incident.slug, b.rootCause] as const] : [])));
  return { incidents, rootCauses };
}

const QUEUE_CAUSE =
  'The **ledger worker** queue backed up because every retry of a failed write waited for the full lock timeout, so the backlog grew faster than the workers drained it and writes were dropped.';
const QUEUE_AGAIN =
  'Again the ledger worker queue backed up: each retry of a failed write waited for the full lock timeout, the backlog grew faster than the workers drained it, and writes were dropped.';
const DNS_CAUSE =
  'A resolver change in the office network sent lookups for the internal domain to a public server, which answered with nothing, and sign-in pages could not load.';

describe('contributing factors and triggers', () => {
  it('reads contributing_factors and trigger, and the common spellings, as lists', () => {
    const a = built('a', 'date: 2025-01-01\ncontributing_factors: [missing alert, config drift]\ntrigger: deploy', '## Summary\n\nShort.');
    expect(a.incident.factors).toEqual(['missing alert', 'config drift']);
    expect(a.incident.triggers).toEqual(['deploy']);
    const b = built('b', 'date: 2025-01-01\ncontributing-factors: capacity\ntriggers: [traffic spike, cron job]', '## Summary\n\nShort.');
    expect(b.incident.factors).toEqual(['capacity']);
    expect(b.incident.triggers).toEqual(['traffic spike', 'cron job']);
    const none = built('c', 'date: 2025-01-01', '## Summary\n\nShort.');
    expect(none.incident.factors).toEqual([]);
    expect(none.incident.triggers).toEqual([]);
  });
});

describe('related incidents', () => {
  it('uses the recurrence rule’s own threshold and word floor', () => {
    expect(SIMILAR_ROOT_CAUSE).toBe(recurrence.defaults.threshold);
    expect(MIN_ROOT_CAUSE_WORDS).toBe(6);
  });

  it('reads the root cause from the rendered page as text, markup and the next section left out', () => {
    const b = built('x', 'date: 2025-01-01', `## 4. Root Cause:\n\n${QUEUE_CAUSE}\n\n## 5. Resolution\n\nWe restarted the workers.`);
    expect(b.rootCause).toContain('The ledger worker queue backed up because');
    expect(b.rootCause).not.toContain('restarted');
    expect(b.rootCause).not.toMatch(/[<>*]/);
  });

  it('lists a named incident, one with a similar root cause and one on the same service, each saying why', () => {
    const list = [
      built('2025-03-01-ledger', 'id: INC-1\ndate: 2025-03-01\nservices: [ledger]', `## Root Cause\n\n${QUEUE_CAUSE}`),
      built('2025-06-01-ledger-again', 'id: INC-2\ndate: 2025-06-01\nservices: [ledger, billing]', `## Root Cause\n\n${QUEUE_AGAIN}`),
      built('2025-07-01-ledger-dns', 'id: INC-3\ndate: 2025-07-01\nservices: [ledger]', `## Root Cause\n\n${DNS_CAUSE}`),
      built('2025-08-01-sign-in', 'id: INC-4\ndate: 2025-08-01\nservices: [sign-in]\nrelated: [INC-3, INC-99]', `## Root Cause\n\n${DNS_CAUSE}`),
    ];
    const { incidents, rootCauses } = archiveOf(list);
    const { related } = relatedArchive(incidents, rootCauses);

    const again = related.get('2025-06-01-ledger-again')!;
    expect(again.map((r) => [r.id, r.why])).toEqual([
      ['INC-1', expect.stringMatching(/^similar root cause \(\d+% alike\)$/)],
      ['INC-3', 'same service: ledger'],
    ]);
    // The same DNS text on another service is not compared: no shared service.
    const signIn = related.get('2025-08-01-sign-in')!;
    expect(signIn.map((r) => [r.id, r.incident?.slug ?? null, r.why])).toEqual([
      ['INC-3', '2025-07-01-ledger-dns', 'named in this postmortem'],
      ['INC-99', null, 'named in this postmortem'],
    ]);
    // Named one way, listed both ways.
    expect(related.get('2025-07-01-ledger-dns')!.map((r) => [r.id, r.why])).toEqual([
      ['INC-4', 'names this incident'],
      ['INC-2', 'same service: ledger'],
      ['INC-1', 'same service: ledger'],
    ]);
  });

  it('are kept for the next build of the same entries, and read back pointing at that build’s incidents', () => {
    const list = [
      built('2025-03-01-ledger', 'id: INC-1\ndate: 2025-03-01\nservices: [ledger]', `## Root Cause\n\n${QUEUE_CAUSE}`),
      built('2025-06-01-ledger-again', 'id: INC-2\ndate: 2025-06-01\nservices: [ledger, billing]', `## Root Cause\n\n${QUEUE_AGAIN}`),
      built('2025-08-01-sign-in', 'id: INC-4\ndate: 2025-08-01\nservices: [sign-in]\nrelated: [INC-1, INC-99]', `## Root Cause\n\n${DNS_CAUSE}`),
    ];
    const { incidents, rootCauses } = archiveOf(list);
    const { related } = relatedArchive(incidents, rootCauses);
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-related-'));
    try {
      const file = relatedCacheFile(dir);
      const entries = incidents.map((incident, n) => ({ id: incident.slug, digest: `d${n}` }));
      const key = relatedKey(entries)!;
      expect(readRelated(file, key, incidents)).toBeNull();
      writeRelated(file, key, related);
      // The next build's incidents are other objects: the views point at those.
      const next = archiveOf(list.map((b) => ({ ...b, incident: { ...b.incident } }))).incidents;
      const back = readRelated(file, key, next)!;
      expect(back).toEqual(related);
      const slug = '2025-06-01-ledger-again';
      expect(back.get(slug)![0]!.incident).toBe(next.find((i) => i.slug === '2025-03-01-ledger'));
      // An entry changed (another digest), added or removed: another key, nothing read back.
      expect(relatedKey(entries.map((e, n) => (n === 1 ? { ...e, digest: 'changed' } : e)))).not.toBe(key);
      expect(relatedKey(entries.slice(1))).not.toBe(key);
      expect(relatedKey([...entries].reverse())).toBe(key);
      expect(relatedKey([{ id: 'x' }])).toBeNull();
      expect(readRelated(file, relatedKey(entries.slice(1))!, incidents)).toBeNull();
      // An incident gone from this build: nothing read back, rather than a link to no page.
      expect(
        readRelated(
          file,
          key,
          next.filter((i) => i.slug !== '2025-03-01-ledger'),
        ),
      ).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a service’s related incidents elsewhere: those its incidents name or are named by, not those merely on a shared service', () => {
    const list = [
      built('ledger-1', 'id: L-1\ndate: 2025-03-01\nservices: [ledger]\nrelated: [B-1]', `## Root Cause\n\n${QUEUE_CAUSE}`),
      built('ledger-2', 'id: L-2\ndate: 2025-04-01\nservices: [ledger, billing]', `## Root Cause\n\n${DNS_CAUSE}`),
      built('billing-1', 'id: B-1\ndate: 2025-02-01\nservices: [billing]', `## Root Cause\n\n${DNS_CAUSE}`),
      built('billing-2', 'id: B-2\ndate: 2025-05-01\nservices: [billing]', `## Root Cause\n\n${QUEUE_CAUSE}`),
    ];
    const { incidents, rootCauses } = archiveOf(list);
    const { related } = relatedArchive(incidents, rootCauses);
    const ledger = incidents.filter((i) => i.services.includes('ledger'));
    expect(relatedToGroup(ledger, related).map((r) => [r.incident.id, r.because])).toEqual([
      ['B-1', [expect.stringMatching(/^L-2: similar root cause/), 'L-1: named in this postmortem']],
    ]);
  });

  it('compares only incidents that share a service, each pair once: not every pair of the archive', () => {
    const services = 25;
    const perService = 20;
    const list: Built[] = [];
    for (let s = 0; s < services; s++)
      for (let i = 0; i < perService; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        list.push(built(`s${s}-i${i}`, `date: 2024-02-${day}\nservices: [svc-${s}]`, `## Root Cause\n\n${i % 2 ? QUEUE_CAUSE : DNS_CAUSE} Case ${s}-${i}.`));
      }
    const { incidents, rootCauses } = archiveOf(list);
    const { related, comparisons } = relatedArchive(incidents, rootCauses);
    const n = services * perService;
    expect(comparisons).toBe((services * perService * (perService - 1)) / 2);
    expect(comparisons).toBeLessThan((n * (n - 1)) / 2 / 20);
    const one = related.get('s3-i1')!;
    expect(one.every((r) => r.incident?.services[0] === 'svc-3')).toBe(true);
    // Ten others on its service share its root cause: the five most similar are listed.
    expect(one.filter((r) => r.why.startsWith('similar root cause'))).toHaveLength(SIMILAR_SHOWN);
  });
});

describe('action items across the archive', () => {
  const list = [
    built(
      'a',
      'date: 2025-01-10',
      `## Action Items\n\n- [x] Add an alert on queue depth (owner: @Zoe, due: 2025-02-01)\n- [ ] Cap retries (owner: @ana, due: 2025-12-20)\n- [ ] Write the runbook (owner: ana)`,
    ),
    built(
      'b',
      'date: 2025-03-10',
      `## Action Items\n\n- [ ] Rotate the keys (owner: @bo, due: 2024-11-01)\n- [ ] Split the pool (due: 2025-11-15)\n- [ ] Remove the flag (owner: @ana, due: 2026-03-01)`,
    ),
  ];
  const today = '2026-01-01';
  const actions = archiveActions(
    list.map((b) => b.incident),
    today,
  );

  it('gives each item its state on the day of the build, and how long overdue', () => {
    expect(actions.map((a) => [a.text.split(' ').slice(0, 2).join(' '), a.state, a.daysOverdue])).toEqual([
      ['Add an', 'done', null],
      ['Cap retries', 'overdue', 12],
      ['Write the', 'open', null],
      ['Rotate the', 'overdue', 426],
      ['Split the', 'overdue', 47],
      ['Remove the', 'open', null],
    ]);
  });

  it('follow-through: share done, open, overdue by age (every bucket shown)', () => {
    const figures = followThrough(actions);
    expect(figures).toMatchObject({ total: 6, done: 1, open: 2, overdue: 3, openWithoutDue: 1 });
    expect(figures.shareDone).toBeCloseTo(1 / 6);
    expect(figures.overdueByAge).toEqual([
      { label: 'up to 30 days', count: 1 },
      { label: '31 to 90 days', count: 1 },
      { label: '91 to 365 days', count: 0 },
      { label: 'more than a year', count: 1 },
    ]);
    expect(followThrough([]).shareDone).toBeNull();
  });

  it('groups by owner alphabetically ("@ana" and "ana" together), items without an owner last: no ranking', () => {
    const groups = byOwner(actions);
    expect(groups.map((g) => [g.owner, g.actions.length])).toEqual([
      ['@ana', 3],
      ['@bo', 1],
      ['@Zoe', 1],
      [null, 1],
    ]);
  });

  it('lists overdue items longest overdue first', () => {
    expect(inState(actions, 'overdue').map((a) => a.daysOverdue)).toEqual([426, 47, 12]);
  });
});
