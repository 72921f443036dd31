// "Related incidents", computed once per build for the whole archive: the incidents a
// postmortem names in `related:` (and those that name it), the ones whose root cause is very
// like its own, and others on the same service. The root-cause similarity is the `recurrence`
// rule's own measure (TF-IDF vectors over words and word pairs, compared by cosine), and like
// the rule it compares only incidents that share a service: the work grows with the incidents
// per service, not with every pair of the archive.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
// From similarity.ts itself, not the archive's index module: that one also brings the
// frontmatter readers and the secret scanner into the pages' bundle and Astro's main thread.
import { termCounts, weigh } from '../../lint/archive/similarity.ts';
import type { Incident } from './incident.ts';
import type { RenderedHeading } from './render.ts';
import type { StoredModel } from './types.ts';

/** `recurrence`'s default threshold: two root causes this similar read as the same cause (test/site/related.test.ts keeps them equal). */
export const SIMILAR_ROOT_CAUSE = 0.5;
/** `recurrence`'s floor: a root cause of fewer words is too little to compare. */
export const MIN_ROOT_CAUSE_WORDS = 6;
/** Incidents listed for a similar root cause, at most (the most similar). */
export const SIMILAR_SHOWN = 5;
/** Incidents listed only for sharing a service, at most. */
export const SAME_SERVICE_SHOWN = 5;

export interface RelatedView {
  /** The id as named, or the incident's id (else its page name). */
  id: string;
  /** Null for a `related:` value that names no incident of this archive. */
  incident: Incident | null;
  /** Why it is listed, for the reader: "named in this postmortem", "similar root cause (78%)", "same service: payments". */
  why: string;
}

export interface RelatedArchive {
  /** By incident slug. */
  related: Map<string, RelatedView[]>;
  /** Root-cause pairs compared (the work done), for tests. */
  comparisons: number;
}

/**
 * The related incidents of every incident. `rootCauses` maps a slug to the text of its
 * root-cause section (absent: not compared). `incidents` newest first, as the pages list them.
 */
export function relatedArchive(incidents: readonly Incident[], rootCauses: ReadonlyMap<string, string>): RelatedArchive {
  const vectors = new RootCauseVectors(
    incidents.flatMap((incident, index) => {
      const text = rootCauses.get(incident.slug);
      return text ? [[index, text] as const] : [];
    }),
  );
  const order = new Map(incidents.map((incident, index) => [incident, index]));
  const byId = new Map<string, Incident>();
  for (const incident of incidents) if (incident.id && !byId.has(incident.id.toLowerCase())) byId.set(incident.id.toLowerCase(), incident);
  const byService = new Map<string, number[]>();
  incidents.forEach((incident, index) => {
    for (const service of new Set(incident.services.map((s) => s.toLowerCase()))) push(byService, service, index);
  });
  /**
   * The incidents that name one of these services (case aside), each once, in list order. One
   * service (most incidents) is its list as it stands, already in list order.
   */
  const withServices = (services: readonly string[]): readonly number[] => {
    const distinct = new Set(services.map((s) => s.toLowerCase()));
    if (distinct.size === 1) return byService.get([...distinct][0]!) ?? [];
    const found = new Set<number>();
    for (const service of distinct) for (const index of byService.get(service) ?? []) found.add(index);
    return [...found].sort((a, b) => a - b);
  };
  // Each incident's neighbours on its services, for the similar root causes and the same-service list.
  const neighbours = incidents.map((incident) => (incident.services.length > 0 ? withServices(incident.services) : []));

  // Who names whom, both ways.
  const namedBy = new Map<Incident, Incident[]>();
  for (const incident of incidents)
    for (const value of incident.related) {
      const target = byId.get(value.trim().toLowerCase());
      if (target && target !== incident) push(namedBy, target, incident);
    }

  // Similar root causes among incidents that share a service, each pair once: from the one
  // earlier in the list.
  const similar = new Map<Incident, { other: Incident; similarity: number }[]>();
  let comparisons = 0;
  incidents.forEach((incident, own) => {
    if (!vectors.has(own) || incident.services.length === 0) return;
    const others = neighbours[own]!.filter((other) => other > own && vectors.has(other));
    comparisons += others.length;
    vectors.similarities(own, others).forEach((similarity, i) => {
      if (similarity < SIMILAR_ROOT_CAUSE) return;
      const other = incidents[others[i]!]!;
      push(similar, incident, { other, similarity });
      push(similar, other, { other: incident, similarity });
    });
  });

  const related = new Map<string, RelatedView[]>();
  incidents.forEach((incident, own) => {
    const out: RelatedView[] = [];
    const listed = new Map<Incident, RelatedView>();
    const list = (other: Incident, why: string): void => {
      const known = listed.get(other);
      if (known) {
        known.why += `; ${why}`;
        return;
      }
      const view = { id: other.id ?? other.slug, incident: other, why };
      listed.set(other, view);
      out.push(view);
    };
    for (const value of incident.related) {
      const target = byId.get(value.trim().toLowerCase());
      if (!target) out.push({ id: value, incident: null, why: 'named in this postmortem' });
      else if (target !== incident) list(target, 'named in this postmortem');
    }
    for (const other of namedBy.get(incident) ?? []) list(other, 'names this incident');
    const alike = [...(similar.get(incident) ?? [])].sort((a, b) => b.similarity - a.similarity || order.get(a.other)! - order.get(b.other)!);
    for (const { other, similarity } of alike.slice(0, SIMILAR_SHOWN)) list(other, `similar root cause (${Math.round(similarity * 100)}% alike)`);
    const services = new Set(incident.services.map((s) => s.toLowerCase()));
    let sameService = 0;
    for (const index of neighbours[own]!) {
      if (sameService >= SAME_SERVICE_SHOWN) break;
      const other = incidents[index]!;
      if (other === incident || listed.has(other)) continue;
      const shared = other.services.filter((s) => services.has(s.toLowerCase()));
      list(other, `same service: ${shared.join(', ')}`);
      sameService++;
    }
    related.set(incident.slug, out);
  });
  return { related, comparisons };
}

/**
 * Root causes as the `recurrence` rule weighs them (the lint archive's `termCounts` and
 * `weigh`: TF-IDF over the root causes of at least MIN_ROOT_CAUSE_WORDS words), compared by
 * cosine. Hand-written for speed where the rule's `cosine` looks every term up in a Map by
 * its text: here terms are numbers, and one root cause is spread over an array once for all
 * the others it is compared with (test/site/related-similarity.test.ts compares the two).
 */
export class RootCauseVectors<K> {
  private readonly vectors = new Map<K, { terms: Int32Array; weights: Float64Array; norm: number }>();
  private readonly spread: Float64Array;

  constructor(texts: Iterable<readonly [K, string]>) {
    const counted: [K, Map<string, number>][] = [];
    const df = new Map<string, number>();
    for (const [key, text] of texts) {
      const counts = termCounts(text);
      // Its words are the terms without a space (the others are word pairs).
      let wordCount = 0;
      for (const [term, count] of counts) if (!term.includes(' ')) wordCount += count;
      if (wordCount < MIN_ROOT_CAUSE_WORDS) continue;
      counted.push([key, counts]);
      for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    }
    const number = new Map<string, number>();
    for (const [key, counts] of counted) {
      const { weights, norm } = weigh(counts, { docs: counted.length, df });
      const terms = new Int32Array(weights.size);
      const values = new Float64Array(weights.size);
      let i = 0;
      for (const [term, weight] of weights) {
        let n = number.get(term);
        if (n === undefined) number.set(term, (n = number.size));
        terms[i] = n;
        values[i++] = weight;
      }
      this.vectors.set(key, { terms, weights: values, norm });
    }
    this.spread = new Float64Array(number.size);
  }

  /** Whether `key` has a root cause to compare (one long enough). */
  has(key: K): boolean {
    return this.vectors.has(key);
  }

  /** The cosine similarity, 0 to 1, of `key`'s root cause with each of `others`'. */
  similarities(key: K, others: readonly K[]): number[] {
    const own = this.vectors.get(key);
    if (!own) return others.map(() => 0);
    const spread = this.spread;
    for (let i = 0; i < own.terms.length; i++) spread[own.terms[i]!] = own.weights[i]!;
    const out = others.map((other) => {
      const vector = this.vectors.get(other);
      if (!vector || own.norm === 0 || vector.norm === 0) return 0;
      let dot = 0;
      for (let i = 0; i < vector.terms.length; i++) dot += spread[vector.terms[i]!]! * vector.weights[i]!;
      return dot / (own.norm * vector.norm);
    });
    for (let i = 0; i < own.terms.length; i++) spread[own.terms[i]!] = 0;
    return out;
  }
}

export interface GroupRelated {
  incident: Incident;
  /** Which of the group's incidents it relates to, and why: "INC-7: similar root cause (81% alike)". */
  because: string[];
}

/**
 * The incidents outside a group (a service's) related to the group's incidents, by the same
 * reasons as on each incident page, "same service" aside (every one of them shares one).
 * Newest first.
 */
export function relatedToGroup(group: readonly Incident[], related: ReadonlyMap<string, readonly RelatedView[]>): GroupRelated[] {
  const inGroup = new Set(group);
  const found = new Map<Incident, GroupRelated>();
  for (const member of group) {
    for (const view of related.get(member.slug) ?? []) {
      const other = view.incident;
      if (!other || inGroup.has(other)) continue;
      const reasons = view.why.split('; ').filter((why) => !why.startsWith('same service'));
      if (reasons.length === 0) continue;
      const entry = found.get(other) ?? { incident: other, because: [] };
      entry.because.push(`${member.id ?? member.title}: ${reasons.join('; ')}`);
      found.set(other, entry);
    }
  }
  return [...found.values()].sort((a, b) => b.incident.date.localeCompare(a.incident.date) || a.incident.title.localeCompare(b.incident.title));
}

/**
 * The text of a postmortem's root-cause section, read from its rendered HTML: from the
 * section's heading to the next heading of the same or a higher level, tags left out.
 * Null when it has no such section.
 */
export function rootCauseText(model: Pick<StoredModel, 'sections'>, headings: readonly RenderedHeading[], html: string): string | null {
  const section = model.sections.find((s) => s.kind === 'root-cause');
  if (!section) return null;
  const name = normalise(section.heading);
  if (name === '') return null;
  const heading = headings.find((h) => normalise(h.text) === name);
  if (!heading) return null;
  const open = new RegExp(`<h([1-6]) id="${heading.slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(html);
  if (!open) return null;
  const start = open.index + open[0].length;
  const next = new RegExp(`<h[1-${open[1]}][ >]`, 'g');
  next.lastIndex = start;
  const end = next.exec(html)?.index ?? html.length;
  const body = html.slice(start, end).replace(/^[\s\S]*?<\/h[1-6]>/, '');
  return decodeEntities(body.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A heading as compared with the model's: its letters only ("5. Root Cause:" reads as "rootcause"). */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}]+/gu, '');
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return decodeNamedCharacterReference(name) || whole;
  });
}
