// What the incident page shows beyond the postmortem's own text: its key times, the
// action-item table (once, where the items stood in the text) and the "on this page" list
// (related incidents: related.ts).
import type { ResolvedTime } from '../../core/model.ts';
import { escapeXml, formatTime, hasDate } from './format.ts';
import type { Metrics } from './incident.ts';
import type { RenderedHeading } from './render.ts';
import { KEY_LABELS, type KeyTime } from './timeline-svg.ts';

export interface KeyTimeView {
  key: KeyTime;
  label: string;
  /** "14:02 UTC", or "unknown". */
  value: string;
  /** "2026-02-24", or null when the time has no date (or is unknown). */
  date: string | null;
  known: boolean;
  /** For a `<time datetime>`: only a time with its date is a valid one. */
  iso: string | null;
  /** Where it was read, when not stated outright. */
  note: string | null;
}

/** Impact start, detected, mitigated, resolved: each labelled, each possibly unknown. */
export function keyTimes(metrics: Metrics): KeyTimeView[] {
  const view = (key: KeyTime, time: ResolvedTime | null, note: string | null): KeyTimeView => ({
    key,
    label: KEY_LABELS[key],
    value: formatTime(time, false, 'unknown'),
    date: time && hasDate(time) ? time.iso.slice(0, 10) : null,
    known: time !== null,
    iso: time && hasDate(time) ? time.iso : null,
    note: time ? note : null,
  });
  return [
    {
      ...view('start', metrics.start, null),
      note: metrics.start ? null : metrics.firstEntry ? `not stated; the first timeline entry is at ${formatTime(metrics.firstEntry)}` : 'not stated',
    },
    view('detected', metrics.detected, metrics.detectedFrom === 'timeline' ? 'from the timeline' : null),
    view('mitigated', metrics.mitigated, 'from the timeline'),
    view('resolved', metrics.resolved, null),
  ];
}

/** The impact as a lede: at most a couple of sentences (the summary follows in full). */
export function impactLede(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const sentence = flat.slice(0, max).match(/^.*[.!?](?=\s)/)?.[0];
  if (sentence && sentence.length >= max / 3) return sentence;
  return `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

export interface ActionRow {
  text: string;
  owner: string | null;
  ticket: string | null;
  due: string | null;
  done: boolean;
}

/** The action items as one table (HTML, every value escaped), put into the body where they stood. */
export function actionTableHtml(items: readonly ActionRow[], today: string): string {
  const rows = items.map((item) => {
    const overdue = !item.done && item.due !== null && item.due < today;
    const ticket =
      item.ticket === null
        ? '—'
        : /^https?:\/\//.test(item.ticket)
          ? `<a href="${escapeXml(item.ticket)}">${escapeXml(item.ticket)}</a>`
          : escapeXml(item.ticket);
    const state = item.done
      ? '<span class="badge badge-clean">Done</span>'
      : overdue
        ? '<span class="badge badge-error">Overdue</span>'
        : '<span class="badge badge-status">Open</span>';
    return `<tr><td>${escapeXml(item.text)}</td><td>${escapeXml(item.owner ?? '—')}</td><td class="nowrap">${ticket}</td><td class="nowrap">${escapeXml(item.due ?? '—')}</td><td>${state}</td></tr>`;
  });
  return (
    '<div class="table-scroll action-table" id="action-items" tabindex="0" role="region" aria-label="Action items">' +
    '<table><caption class="sr-only">Action items of this incident</caption>' +
    '<thead><tr><th scope="col">Item</th><th scope="col">Owner</th><th scope="col">Ticket</th><th scope="col">Due</th><th scope="col">State</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

export interface TocEntry {
  href: string;
  text: string;
}

/** The page's own parts and the postmortem's sections, in page order. */
export function tableOfContents(headings: readonly RenderedHeading[], parts: { timeline: boolean; related: boolean }): TocEntry[] {
  return [
    { href: '#key-times', text: 'Impact and key times' },
    ...(parts.timeline ? [{ href: '#timeline-figure', text: 'Timeline at a glance' }] : []),
    ...headings.filter((h) => h.depth === 2).map((h) => ({ href: `#${h.slug}`, text: h.text })),
    { href: '#findings', text: 'Lint findings' },
    ...(parts.related ? [{ href: '#related', text: 'Related incidents' }] : []),
  ];
}
