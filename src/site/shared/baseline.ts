// The site's baseline: the file `hindsight lint --baseline-write` writes, read the same way,
// so that an archive of old postmortems publishes on day one. A finding the baseline records
// is stored `known`: its page still shows it, but it is not counted as an error or warning
// and does not fail the build; a new error does, as `hindsight lint --baseline` reports it.
import path from 'node:path';
import { applyBaseline, baselineKey, readBaseline, type Baseline } from '../../lint/baseline.ts';
import type { Finding } from '../../lint/engine.ts';
import { summarise } from '../../lint/result.ts';
import type { EntryData, LintedFinding } from './types.ts';

export interface SiteBaseline {
  baseline: Baseline;
  /** The configuration's folder: the baseline's file keys are relative to it. */
  root: string;
}

/** Reads `file` (relative to the project root); a missing or malformed one throws a PathError that names it. */
export function loadSiteBaseline(projectRoot: string, file: string, configRoot: string): SiteBaseline {
  return { baseline: readBaseline(path.resolve(projectRoot, file)), root: configRoot };
}

/** What the baseline records of one file, for its entry's digest (a change to it re-marks the entry). */
export function recordedFor(site: SiteBaseline, file: string): string {
  return JSON.stringify(site.baseline.files[baselineKey(site.root, file)] ?? null);
}

/** The entry with the findings the baseline records marked `known`, and counted out of its errors and warnings. */
export function markKnown(data: EntryData<LintedFinding>, file: string, source: string, site: SiteBaseline): EntryData<LintedFinding> {
  const plain = data.findings.map(({ known: _known, ...finding }) => finding);
  if (plain.length === 0) return data;
  const { results } = applyBaseline([summarise(file, plain as unknown as Finding[], source)], site.baseline, site.root);
  const fresh = new Set<unknown>(results[0]!.messages);
  const findings: LintedFinding[] = plain.map((finding) => (fresh.has(finding) ? finding : { ...finding, known: true as const }));
  const counted = findings.filter((f) => !f.known);
  return {
    ...data,
    findings,
    errorCount: counted.filter((f) => f.severity === 2).length,
    warningCount: counted.filter((f) => f.severity === 1).length,
  };
}
