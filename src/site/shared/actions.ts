// Action items across the archive (the /actions/ page and the service pages): each item with
// its incident and its state on the build's day, grouped by owner in alphabetical order, and
// the follow-through figures (share done, overdue items by how long overdue). No ranking of
// people: owners are listed by name, never by how many items they hold or have let slip.
import type { Incident } from './incident.ts';

export type ActionState = 'done' | 'open' | 'overdue';

export interface ArchiveAction {
  incident: Incident;
  text: string;
  owner: string | null;
  ticket: string | null;
  due: string | null;
  line: number;
  state: ActionState;
  /** Whole days past the due date (overdue items only). */
  daysOverdue: number | null;
}

/** How long overdue, in days: each bucket holds items up to `maxDays` (and beyond the one before). */
export const OVERDUE_AGES = [
  { label: 'up to 30 days', maxDays: 30 },
  { label: '31 to 90 days', maxDays: 90 },
  { label: '91 to 365 days', maxDays: 365 },
  { label: 'more than a year', maxDays: Number.POSITIVE_INFINITY },
] as const;

const DAY_MS = 86_400_000;

/** A `YYYY-MM-DD` day as a day number, or null when it is not one. */
function dayNumber(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / DAY_MS);
}

/** Every action item of these incidents, in their order, with its state on `today` (YYYY-MM-DD). */
export function archiveActions(incidents: readonly Incident[], today: string): ArchiveAction[] {
  const now = dayNumber(today);
  const out: ArchiveAction[] = [];
  for (const incident of incidents) {
    for (const item of incident.data.model.actionItems) {
      const due = item.due === null ? null : dayNumber(item.due.slice(0, 10));
      const late = !item.done && due !== null && now !== null && due < now ? now - due : null;
      out.push({
        incident,
        text: item.text,
        owner: item.owner,
        ticket: item.ticket,
        due: item.due,
        line: item.line,
        state: item.done ? 'done' : late !== null ? 'overdue' : 'open',
        daysOverdue: late,
      });
    }
  }
  return out;
}

export interface FollowThrough {
  total: number;
  done: number;
  /** Not done and not past due (including items with no due date). */
  open: number;
  overdue: number;
  /** done / total, 0 to 1; null with no items. */
  shareDone: number | null;
  /** Open items with no due date: they can never be overdue. */
  openWithoutDue: number;
  /** Overdue items by how long overdue, every bucket listed (zero included). */
  overdueByAge: { label: string; count: number }[];
}

export function followThrough(actions: readonly ArchiveAction[]): FollowThrough {
  const byAge = OVERDUE_AGES.map((age) => ({ label: age.label, count: 0 }));
  let done = 0;
  let overdue = 0;
  let openWithoutDue = 0;
  for (const action of actions) {
    if (action.state === 'done') done++;
    else if (action.state === 'overdue') {
      overdue++;
      const bucket = OVERDUE_AGES.findIndex((age) => action.daysOverdue! <= age.maxDays);
      byAge[bucket]!.count++;
    } else if (action.due === null) openWithoutDue++;
  }
  const total = actions.length;
  return { total, done, open: total - done - overdue, overdue, shareDone: total === 0 ? null : done / total, openWithoutDue, overdueByAge: byAge };
}

export interface OwnerGroup {
  /** The owner as written ("@ana"), or null for items with no owner. */
  owner: string | null;
  actions: ArchiveAction[];
}

/** Items grouped by owner (case aside), owners in alphabetical order, items without an owner last. */
export function byOwner(actions: readonly ArchiveAction[]): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  const nobody: OwnerGroup = { owner: null, actions: [] };
  for (const action of actions) {
    const owner = action.owner?.trim() || null;
    if (owner === null) {
      nobody.actions.push(action);
      continue;
    }
    const key = ownerKey(owner);
    const group = groups.get(key);
    if (group) group.actions.push(action);
    else groups.set(key, { owner, actions: [action] });
  }
  const named = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group);
  return nobody.actions.length > 0 ? [...named, nobody] : named;
}

/** Owners compare without case or a leading "@": "@Ana" and "ana" are one person. */
function ownerKey(owner: string): string {
  return owner.replace(/^@/, '').toLowerCase();
}

/** Items in a state, for the page's sections: overdue longest first, open by due date, done newest incident first. */
export function inState(actions: readonly ArchiveAction[], state: ActionState): ArchiveAction[] {
  const chosen = actions.filter((a) => a.state === state);
  if (state === 'overdue') return chosen.sort((a, b) => b.daysOverdue! - a.daysOverdue!);
  if (state === 'open') return chosen.sort((a, b) => (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff'));
  return chosen;
}
