// Source text → the postmortem model, parsing once. The mdast tree is returned beside
// the model for rules that read the Markdown itself (placeholders, language, secrets).
import type { Root } from 'mdast';
import { extractActionItems } from './action-items.ts';
import { readContext } from './context.ts';
import { readFrontmatter } from './frontmatter.ts';
import { GUARD_LIMITS, guardSource, internalProblem, type GuardLimits, type GuardProblem } from './guard/index.ts';
import { completeFromTimeline, readIncident } from './incident/index.ts';
import type { Postmortem, SectionKind } from './model.ts';
import { parseMarkdown } from './parse.ts';
import { normalisedAliases } from './sections/classify.ts';
import { detectSections, type DetectedStructure } from './sections/detect.ts';
import { splitHeadingLines } from './sections/split-lines.ts';
import { readStated } from './stated.ts';
import { lineStarts } from './text.ts';
import { readTimeline, timelineOrder } from './timeline/index.ts';

export interface ModelOptions {
  /** The configuration's default zone, used when the document declares none. */
  defaultZone?: string | null;
  /** Extra heading spellings from the configuration, keyed by normalised heading. */
  sectionAliases?: ReadonlyMap<string, SectionKind>;
  /** The guard's limits (default GUARD_LIMITS); null parses whatever the text (tests only). */
  limits?: GuardLimits | null;
}

/** What a configuration says about building models (a ResolvedConfig has both). */
export interface ModelSettings {
  timezone: string | null;
  /** Section aliases as configured: heading as written → kind. */
  sectionAliases: ReadonlyMap<string, SectionKind>;
}

type ConfiguredModelOptions = Required<Pick<ModelOptions, 'defaultZone' | 'sectionAliases'>>;

const optionsOfSettings = new WeakMap<ModelSettings, ConfiguredModelOptions>();

/**
 * The model options of a configuration: every front end (lint, inspect, the archive, the
 * Action, the site) builds models with these. Worked out at the first use, then reused.
 */
export function modelOptionsOf(settings: ModelSettings): ConfiguredModelOptions {
  let options = optionsOfSettings.get(settings);
  if (!options) {
    options = { defaultZone: settings.timezone, sectionAliases: normalisedAliases(settings.sectionAliases) };
    optionsOfSettings.set(settings, options);
  }
  return options;
}

export interface Parsed {
  model: Postmortem;
  tree: Root;
  structure: DetectedStructure;
  lineStarts: number[];
  /**
   * Set when the text was not parsed (a binary file, or one past a limit of guard.ts): the
   * model is then empty and the linter reports this one problem (rule id `fatal`).
   */
  fatal?: GuardProblem;
}

export function buildModel(filePath: string, source: string, options: ModelOptions = {}): Parsed {
  // Text that would take the parser minutes (or that is not text) is never parsed.
  const limits = options.limits === undefined ? GUARD_LIMITS : options.limits;
  const problem = limits === null ? null : guardSource(source, limits);
  if (problem) return unparsed(filePath, source, problem);
  try {
    return modelFromTree(filePath, source, parseMarkdown(source), options);
  } catch (error) {
    // A bug, not the file's fault: one finding that says so, instead of a stack trace that
    // would end the whole run.
    return unparsed(filePath, source, internalProblem(error));
  }
}

/**
 * The model of a document already parsed (`tree` is changed: heading lines are split off).
 * buildModel is this after the guard and the parse; tests time the two apart.
 */
export function modelFromTree(filePath: string, source: string, tree: Root, options: ModelOptions = {}): Parsed {
  const starts = lineStarts(source);
  splitHeadingLines(tree, source, starts, options.sectionAliases);
  const frontmatter = readFrontmatter(tree);
  const fm = frontmatter.data;
  const structure = detectSections(tree, source, options.sectionAliases);

  const fmKeyLine = (key: string): number | null =>
    frontmatter.raw !== null && frontmatter.span ? frontmatterKeyLine(frontmatter.raw, frontmatter.span.start.line, key) : null;
  const fmTitle = typeof fm?.title === 'string' && fm.title.trim() !== '' ? fm.title.trim() : null;
  const context = readContext({
    source,
    lineStarts: starts,
    frontmatter: fm,
    frontmatterLine: fmKeyLine,
    title: structure.title ?? fmTitle,
    titleLine: structure.title !== null ? structure.titleLine : fmKeyLine('title'),
    preamble: structure.preamble,
    blocks: structure.blocks,
    defaultZone: options.defaultZone ?? null,
  });
  const declared = context.zone ?? context.defaultZone;
  const incident = readIncident({
    frontmatter: fm,
    preamble: structure.preamble,
    blocks: structure.blocks,
    zone: declared?.zone ?? null,
    zoneName: declared?.name ?? null,
    zoneOrigin: declared?.origin ?? null,
    zoneIsDefault: context.zone === null,
    date: context.date,
    dayFirst: context.dayFirst,
    frontmatterLine: fmKeyLine,
  });
  const { entries: timeline, declaredZone: timelineZone } = readTimeline(
    structure.blocks,
    {
      source,
      lineStarts: starts,
      zone: incident.zone,
      zoneOrigin: incident.zoneOrigin,
      anchor: incident.anchor,
      start: incident.window.start,
      dayFirst: context.dayFirst,
    },
    structure.preamble,
  );
  completeFromTimeline(incident.window, timeline, timelineOrder(timeline));
  // The zone's name as the document declares it in its timeline ("PST", "Time (UTC)")
  // rather than the offset the start happened to be written with ("-08:00") or the
  // configuration's default.
  if (context.zone === null && timelineZone !== null) {
    const current = incident.window.timezone;
    if (current === null || incident.zoneIsDefault || /^[+-]\d/.test(current)) incident.window.timezone = timelineZone;
  }
  if (frontmatter.raw !== null && frontmatter.span) {
    const keyLine = (key: string): number | null => frontmatterKeyLine(frontmatter.raw!, frontmatter.span!.start.line, key);
    if (incident.window.startLine === 1) incident.window.startLine = keyLine('incident_start');
    if (incident.window.endLine === 1) incident.window.endLine = keyLine('incident_end');
    if (incident.window.statedDurationLine === 1) incident.window.statedDurationLine = keyLine('duration');
  }

  const model: Postmortem = {
    filePath,
    source,
    title: fmTitle ?? structure.title,
    titleLine: fmTitle ? (frontmatterKeyLine(frontmatter.raw ?? '', frontmatter.span?.start.line ?? 1, 'title') ?? 1) : structure.titleLine,
    frontmatter,
    sections: structure.blocks.map((b) => b.section),
    incident: incident.window,
    declaredZone: incident.window.timezone,
    timeline,
    timelineOrder: timelineOrder(timeline),
    actionItems: extractActionItems(structure.blocks, { source, lineStarts: starts }),
    stated: readStated(structure),
  };
  return { model, tree, structure, lineStarts: starts };
}

/** The file line of `key:` inside the frontmatter block that starts at `fenceLine`. */
export function frontmatterKeyLine(raw: string, fenceLine: number, key: string): number | null {
  const lines = raw.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith(`${key}:`)) return fenceLine + 1 + i;
  }
  return null;
}

/** The empty model of a file that was not parsed, carrying the reason. */
function unparsed(filePath: string, source: string, problem: GuardProblem): Parsed {
  const model: Postmortem = {
    filePath,
    source,
    title: null,
    titleLine: null,
    frontmatter: { data: null, raw: null, span: null, errors: [] },
    sections: [],
    incident: {
      start: null,
      end: null,
      startLine: null,
      endLine: null,
      timezone: null,
      statedDurationMinutes: null,
      statedDurationText: null,
      statedDurationLine: null,
      detected: null,
      resolved: null,
    },
    declaredZone: null,
    timeline: [],
    timelineOrder: 'oldest-first',
    actionItems: [],
    stated: { severity: null, services: null },
  };
  const tree: Root = { type: 'root', children: [] };
  return { model, tree, structure: { title: null, titleLine: null, blocks: [], preamble: [] }, lineStarts: [0], fatal: problem };
}
