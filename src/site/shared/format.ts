// Small display helpers shared by the pages and the SVG builders.
import type { ResolvedTime } from '../../core/model.ts';

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const XML_SPECIAL = /[&<>"']/;

/**
 * `&`, `<`, `>`, `"` and `'` as references. One pass, and none for text without them (most
 * labels): every page calls this for each timeline row and action item, a third of the time
 * of five chained replaces (the pages phase of a 1,000-incident build).
 */
export function escapeXml(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!) : text;
}

/** "—" (or `unknown`), "45 min", "2 h 05 min", "3 d 4 h". */
export function formatMinutes(minutes: number | null | undefined, unknown = '—'): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return unknown;
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  if (total < 24 * 60) {
    const h = Math.floor(total / 60);
    const m = total % 60;
    return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
  }
  const d = Math.floor(total / 1440);
  const h = Math.round((total % 1440) / 60);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** The zone label of a resolved time: "UTC", "UTC+03:00", or '' when it has none. */
export function zoneLabel(time: Pick<ResolvedTime, 'offsetMinutes'>): string {
  const offset = time.offsetMinutes;
  if (offset === null) return '';
  if (offset === 0) return 'UTC';
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Whether the time carries a calendar date (a time-only entry, "14:02 UTC", has none). */
export function hasDate(time: Pick<ResolvedTime, 'iso'>): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(time.iso);
}

/**
 * "2024-02-13 09:12 UTC" in the time's own zone, as the document wrote it; "14:02 UTC" for a
 * time whose date is unknown (its epoch is then a wall clock on 1970-01-01, never shown).
 * `unknown` is what an absent time reads as.
 */
export function formatTime(time: ResolvedTime | null | undefined, withDate = true, unknown = '—'): string {
  if (!time) return unknown;
  const m = /^(?:(\d{4}-\d{2}-\d{2})T)?(\d{2}:\d{2})/.exec(time.iso);
  if (!m) return time.iso;
  const zone = zoneLabel(time);
  return `${withDate && m[1] ? `${m[1]} ` : ''}${m[2]}${zone ? ` ${zone}` : ''}`;
}

/** Wall-clock parts of an epoch in a fixed offset (null offset: the epoch is wall-clock already). */
export function wallClock(epochMs: number, offsetMinutes: number | null): { date: string; time: string } {
  const shifted = new Date(epochMs + (offsetMinutes ?? 0) * 60_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** Fills an edit-URL pattern: `{path}` (the file's path in the repository) and `{line}`. */
export function fillUrl(pattern: string, sourcePath: string, line?: number): string {
  const encoded = sourcePath.split('/').map(encodeURIComponent).join('/');
  let url = pattern.replaceAll('{path}', encoded);
  if (line !== undefined) url = url.includes('{line}') ? url.replaceAll('{line}', String(line)) : `${url}#L${line}`;
  return url.replaceAll('{line}', '1');
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
