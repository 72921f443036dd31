// Adopting Hindsight on an existing archive: `--baseline-write FILE` records today's
// findings, `--baseline FILE` then reports only the new ones (like ESLint's suppressions).
//
// A finding is recorded by the file (relative to the configuration's folder, with `/`), its
// rule, and a fingerprint that does not depend on where the finding stands: a hash of the
// rule id, the text of the finding's line (spaces collapsed; empty for a finding about the
// whole document, at 1:1) and its message with every number replaced by "#" (messages name
// lines, days, counts). Equal fingerprints in one file are counted. So an entry survives
// edits elsewhere in the file (lines shifting, other text changing) and disappears when the
// offending text is fixed or changed.
//
// The file is JSON, written with sorted keys and one fingerprint per line, so that it diffs
// and merges well:
//
//   {
//     "version": 1,
//     "files": {
//       "postmortems/2024-05-21-checkout.md": {
//         "blameless-language": { "0d3c5e9a1f2b4c67": 1 },
//         "no-placeholder": { "7a1e22c04b9d8f13": 2 }
//       }
//     }
//   }
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ReadRefused, formatBytes, readTextCapped } from './config/read.ts';
import type { Finding } from './engine.ts';
import { PathError } from '../errors.ts';
import { readPostmortemText } from './files.ts';
import { summarise, type LintResult } from './result.ts';

export const BASELINE_VERSION = 1;

/** file (relative, `/`) → rule id → fingerprint → how many findings have it. */
export type BaselineEntries = Record<string, Record<string, Record<string, number>>>;

export interface Baseline {
  version: typeof BASELINE_VERSION;
  files: BaselineEntries;
}

/** The fingerprint of a finding, given the text of the line it stands on. */
export function fingerprint(finding: Pick<Finding, 'ruleId' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>, lineText: string): string {
  const wholeDocument = finding.line === 1 && finding.column === 1 && finding.endLine === 1 && finding.endColumn === 1;
  const text = wholeDocument ? '' : lineText.replace(/\s+/g, ' ').trim();
  const message = finding.message.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  return createHash('sha1').update(`${finding.ruleId}\0${text}\0${message}`).digest('hex').slice(0, 16);
}

/** A file's key in the baseline: relative to `root`, with `/`. */
export function baselineKey(root: string, filePath: string): string {
  return path.relative(root, filePath).split(path.sep).join('/');
}

/** Each finding's fingerprint, in the order of `result.messages`. */
function fingerprints(result: LintResult): string[] {
  if (result.messages.length === 0) return [];
  let source = result.output;
  if (source === undefined) {
    const read = readPostmortemText(result.filePath);
    source = 'text' in read ? read.text : '';
  }
  const lines = source.split(/\r?\n/);
  return result.messages.map((m) => fingerprint(m, lines[m.line - 1] ?? ''));
}

export interface BaselineWrite {
  baseline: Baseline;
  findings: number;
  files: number;
}

/**
 * The baseline of these results. Entries of `previous` for files this run did not lint are
 * kept while the file exists and the run was `partial` (files named on the command line).
 */
export function recordBaseline(results: readonly LintResult[], root: string, previous: Baseline | null, partial: boolean): BaselineWrite {
  const files: BaselineEntries = {};
  let findings = 0;
  for (const result of results) {
    const prints = fingerprints(result);
    if (prints.length === 0) continue;
    const byRule: Record<string, Record<string, number>> = {};
    result.messages.forEach((m, i) => {
      const counts = (byRule[m.ruleId] ??= {});
      counts[prints[i]!] = (counts[prints[i]!] ?? 0) + 1;
      findings++;
    });
    files[baselineKey(root, result.filePath)] = byRule;
  }
  if (previous && partial) {
    const linted = new Set(results.map((r) => baselineKey(root, r.filePath)));
    for (const [file, rules] of Object.entries(previous.files)) {
      if (linted.has(file) || !existsSync(path.resolve(root, file))) continue;
      files[file] = rules;
      for (const counts of Object.values(rules)) for (const n of Object.values(counts)) findings += n;
    }
  }
  return { baseline: { version: BASELINE_VERSION, files }, findings, files: Object.keys(files).length };
}

export interface GoneEntry {
  file: string;
  ruleId: string;
  count: number;
}

export interface BaselineOutcome {
  /** The results with the recorded findings left out (counts recomputed). */
  results: LintResult[];
  /** Findings left out because the baseline records them. */
  known: number;
  /** Recorded findings this run no longer finds, per file and rule. */
  gone: GoneEntry[];
}

/**
 * Leaves out the findings the baseline records. Recorded findings of a linted file that
 * were not found again are gone; so are those of a file that no longer exists.
 */
export function applyBaseline(results: readonly LintResult[], baseline: Baseline, root: string): BaselineOutcome {
  let known = 0;
  const gone: GoneEntry[] = [];
  const linted = new Set<string>();
  const kept = results.map((result) => {
    const key = baselineKey(root, result.filePath);
    linted.add(key);
    const recorded = baseline.files[key] ?? {};
    const remaining = new Map<string, Map<string, number>>();
    for (const [ruleId, counts] of Object.entries(recorded)) remaining.set(ruleId, new Map(Object.entries(counts)));
    const prints = fingerprints(result);
    const messages = result.messages.filter((m, i) => {
      const counts = remaining.get(m.ruleId);
      const left = counts?.get(prints[i]!) ?? 0;
      if (left <= 0) return true;
      counts!.set(prints[i]!, left - 1);
      known++;
      return false;
    });
    for (const [ruleId, counts] of remaining) {
      const count = [...counts.values()].reduce((n, c) => n + Math.max(0, c), 0);
      if (count > 0) gone.push({ file: key, ruleId, count });
    }
    return messages.length === result.messages.length ? result : summarise(result.filePath, messages, result.output);
  });
  for (const [file, rules] of Object.entries(baseline.files)) {
    if (linted.has(file) || existsSync(path.resolve(root, file))) continue;
    for (const [ruleId, counts] of Object.entries(rules)) {
      const count = Object.values(counts).reduce((n, c) => n + c, 0);
      if (count > 0) gone.push({ file, ruleId, count });
    }
  }
  gone.sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId));
  return { results: kept, known, gone };
}

/** The largest baseline read: some 30 bytes a finding, so about a million findings. */
export const MAX_BASELINE_BYTES = 32 * 1024 * 1024;

/** Reads a baseline file; a missing, oversized or malformed one is a PathError (exit code 2). */
export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readTextCapped(file, MAX_BASELINE_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      error instanceof ReadRefused
        ? `${error.message}${error.message.startsWith('it is larger') ? ` (a baseline over ${formatBytes(MAX_BASELINE_BYTES)} records far more findings than an archive has)` : ''}`
        : code === 'ENOENT'
          ? 'no such file (create it with --baseline-write)'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (code ?? (error as Error).message);
    throw new PathError(`Cannot read the baseline ${file}: ${reason}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PathError(`The baseline ${file} is not valid JSON (${(error as Error).message}): write it again with --baseline-write.`);
  }
  const problem = baselineProblem(value);
  if (problem) throw new PathError(`The baseline ${file} is not a Hindsight baseline: ${problem}. Write it again with --baseline-write.`);
  return value as Baseline;
}

function baselineProblem(value: unknown): string | null {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) return 'expected a JSON object';
  if (value.version !== BASELINE_VERSION) return `expected "version": ${BASELINE_VERSION}`;
  if (!isObject(value.files)) return 'expected "files" to be an object';
  for (const [file, rules] of Object.entries(value.files)) {
    if (!isObject(rules)) return `expected files["${file}"] to be an object of rule ids`;
    for (const [ruleId, counts] of Object.entries(rules)) {
      if (!isObject(counts)) return `expected files["${file}"]["${ruleId}"] to be an object of fingerprints`;
      for (const n of Object.values(counts))
        if (!Number.isInteger(n) || (n as number) < 1) return `expected the counts under files["${file}"]["${ruleId}"] to be positive integers`;
    }
  }
  return null;
}

/** The baseline as written: "version" first, then the files, rules and fingerprints sorted; two-space indentation, a final newline. */
export function serialiseBaseline(baseline: Baseline): string {
  return `${JSON.stringify({ version: baseline.version, files: sortKeys(baseline.files) }, null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** Writes the baseline atomically; a PathError (exit code 2) says why it could not. */
export function writeBaseline(file: string, baseline: Baseline): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, serialiseBaseline(baseline));
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true, recursive: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new PathError(
      `Cannot write the baseline ${file}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message)}.`,
    );
  }
}
