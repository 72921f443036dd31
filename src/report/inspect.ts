// The model as `inspect --format json` prints it: the fields and shapes of
// ../shared/interfaces.md first, a few extra fields after them.
import { buildModel, modelOptionsOf } from '../core/build.ts';
import type { Origin, Postmortem, ResolvedTime } from '../core/model.ts';
import { formatDuration } from '../core/time/index.ts';
import { UsageError } from '../errors.ts';
import type { ResolvedConfig } from '../lint/config/load.ts';
import { visibleLine } from './terminal.ts';

/**
 * The model `inspect` shows: read as `lint` reads it, with the configuration's zone and section
 * aliases (`zone` overrides the zone). A file the parser never read (binary, past a limit) has
 * no model to show: a UsageError says why. An empty file's empty model is its true model.
 */
export function inspectedModel(filePath: string, source: string, config: ResolvedConfig, zone?: string): Postmortem {
  const { model, fatal } = buildModel(filePath, source, { ...modelOptionsOf(config), defaultZone: zone ?? config.timezone });
  if (fatal && fatal.kind !== 'empty') throw new UsageError(`cannot inspect ${filePath}: ${fatal.message}`);
  return model;
}

export function inspectJson(model: Postmortem): Record<string, unknown> {
  const iso = (time: ResolvedTime | null): string | null => time?.iso ?? null;
  const origins = (time: ResolvedTime | null | undefined): { dateFrom: Origin | null; zoneFrom: Origin | null } => ({
    dateFrom: time?.dateFrom ?? null,
    zoneFrom: time?.zoneFrom ?? null,
  });
  const { incident } = model;
  return {
    filePath: model.filePath,
    title: model.title,
    frontmatter: model.frontmatter.data,
    sections: model.sections.map((s) => ({
      kind: s.kind,
      heading: s.heading,
      line: s.line,
      column: s.span.start.column,
      style: s.style,
      empty: s.empty,
    })),
    incident: {
      start: iso(incident.start),
      end: iso(incident.end),
      timezone: incident.timezone,
      detected: iso(incident.detected),
      resolved: iso(incident.resolved),
      statedDuration: incident.statedDurationText,
      statedDurationMinutes: incident.statedDurationMinutes,
      startLine: incident.startLine,
      endLine: incident.endLine,
      startFrom: origins(incident.start),
      endFrom: origins(incident.end),
      inferred: incident.inferred ? { start: incident.inferred.start.iso, end: incident.inferred.end.iso } : null,
      days: incident.days ? { start: incident.days.start, end: incident.days.end } : null,
    },
    timeline: model.timeline.map((e) => ({
      line: e.line,
      time: iso(e.time),
      text: e.text,
      column: e.column,
      timeText: e.timeText,
      ...origins(e.time),
    })),
    timelineOrder: model.timelineOrder,
    actionItems: model.actionItems.map((a) => ({
      line: a.line,
      text: a.text,
      owner: a.owner,
      ticket: a.ticket,
      due: a.due,
      done: a.done,
      column: a.column,
    })),
    frontmatterErrors: model.frontmatter.errors,
    stated: model.stated,
  };
}

/** A readable outline of the model, for people. Text from the document is shown on one line, its control characters escaped. */
export function inspectText(model: Postmortem): string {
  const out: string[] = [];
  const { incident } = model;
  const v = visibleLine;
  out.push(v(model.filePath));
  out.push(`  title     ${model.title === null ? '(none)' : v(model.title)}`);
  out.push(`  window    ${incident.start?.iso ?? '?'} → ${incident.end?.iso ?? '?'}${incident.timezone ? ` (${v(incident.timezone)})` : ''}`);
  if (incident.statedDurationMinutes !== null)
    out.push(`  duration  ${formatDuration(incident.statedDurationMinutes)} (stated, line ${incident.statedDurationLine})`);
  if (model.stated.severity) out.push(`  severity  ${v(model.stated.severity.value)} (stated, line ${model.stated.severity.line})`);
  if (model.stated.services) out.push(`  services  ${v(model.stated.services.value.join(', '))} (stated, line ${model.stated.services.line})`);
  out.push('  sections');
  for (const s of model.sections) out.push(`    ${String(s.line).padStart(4)}  ${s.kind.padEnd(20)} ${v(s.heading)}${s.empty ? '  (empty)' : ''}`);
  out.push(`  timeline  ${model.timeline.length} entries`);
  for (const e of model.timeline) out.push(`    ${String(e.line).padStart(4)}  ${(e.time?.iso ?? '—').padEnd(25)} ${v(truncate(e.text, 60))}`);
  out.push(`  actions   ${model.actionItems.length} items`);
  for (const a of model.actionItems) {
    const meta = [a.owner, a.ticket, a.due && `due ${a.due}`].filter(Boolean).join(', ');
    out.push(`    ${String(a.line).padStart(4)}  [${a.done ? 'x' : ' '}] ${v(truncate(a.text, 50))}${meta ? `  (${v(meta)})` : ''}`);
  }
  return out.join('\n');
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
