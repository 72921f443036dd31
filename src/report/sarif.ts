// `hindsight lint --format sarif`: a SARIF 2.1.0 log with one run, for GitHub code scanning
// and other SARIF viewers. Files are named relative to the repository's root (the git top
// level of the working directory, or the working directory outside git) under the %SRCROOT%
// base: never by an absolute path or file URI, which code scanning cannot place in the
// repository and which would give away the machine's folders. Every linted file is listed in
// `artifacts`, every rule in `tool.driver.rules`. Each result carries a partial fingerprint
// made from its rule, file and message, not its line, so an alert survives edits above it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Artifact, ArtifactLocation, Log, ReportingDescriptor, Result } from 'sarif';
import { FATAL_RULE } from '../lint/engine.ts';
import { DOCS_BASE, type LintResult, type RuleMeta } from '../lint/result.ts';

export interface SarifOptions {
  cwd: string;
  /** The folder URIs are relative to; default: the git top level of `cwd`, else `cwd`. */
  root?: string;
  /** Hindsight's version, for `tool.driver.version`. */
  version: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The key of Hindsight's fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'hindsightFindingHash/v1';

export function formatSarif(results: LintResult[], rules: RuleMeta[], options: SarifOptions): string {
  const descriptors: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  for (const rule of rules) {
    if (ruleIndex.has(rule.id)) continue;
    ruleIndex.set(rule.id, descriptors.length);
    descriptors.push({
      id: rule.id,
      name: ruleName(rule.id),
      shortDescription: { text: rule.description },
      ...(rule.rationale === undefined ? {} : { fullDescription: { text: rule.rationale } }),
      help: {
        text: `${rule.rationale ?? rule.description} ${rule.helpUri}`,
        markdown: `${rule.rationale ?? rule.description}\n\n[The rule's page](${rule.helpUri}): examples, options and how to fix.`,
      },
      helpUri: rule.helpUri,
      defaultConfiguration: rule.severity === 'off' ? { enabled: false, level: 'none' } : { level: rule.severity === 'error' ? 'error' : 'warning' },
      properties: { fixable: rule.fixable },
    });
  }

  // A file Hindsight could not read or parse has one `fatal` finding: described like a rule, so
  // code scanning shows what it means.
  if (!ruleIndex.has(FATAL_RULE)) {
    ruleIndex.set(FATAL_RULE, descriptors.length);
    descriptors.push({
      id: FATAL_RULE,
      name: 'Fatal',
      shortDescription: { text: 'A file Hindsight could not read or parse (not text, too large, or past a limit of the parser)' },
      help: {
        text: 'The message says what stopped the file from being read and how to fix it; the other rules did not run on it.',
        markdown: 'The message says what stopped the file from being read and how to fix it; the other rules did not run on it.',
      },
      defaultConfiguration: { level: 'error' },
      properties: { fixable: false },
    });
  }

  const root = options.root === undefined ? repositoryRoot(options.cwd) : resolve(options.cwd, options.root);
  const artifacts: Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const sarifResults: Result[] = [];
  for (const result of results) {
    const location = artifactLocation(result.filePath, options.cwd, root);
    const key = `${location.uriBaseId ?? ''}\u0000${location.uri}`;
    let index = artifactIndex.get(key);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(key, index);
      artifacts.push({ location: { ...location }, roles: ['analysisTarget'], sourceLanguage: 'markdown' });
    }
    // Identical findings (same rule, file and message) are told apart by their order.
    const seen = new Map<string, number>();
    for (const m of result.messages) {
      const hash = fingerprint(m.ruleId, location.uri ?? '', m.message);
      const occurrence = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, occurrence);
      const startLine = Math.max(1, m.line);
      const startColumn = Math.max(1, m.column);
      const endLine = Math.max(startLine, m.endLine);
      const endColumn = endLine === startLine ? Math.max(startColumn, m.endColumn) : Math.max(1, m.endColumn);
      const known = ruleIndex.get(m.ruleId);
      sarifResults.push({
        ruleId: m.ruleId,
        ...(known === undefined ? {} : { ruleIndex: known }),
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...location, index },
              region: { startLine, startColumn, endLine, endColumn },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${occurrence}` },
      });
    }
  }

  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Hindsight',
            version: options.version,
            informationUri: DOCS_BASE,
            rules: descriptors,
          },
        },
        // The run finished (findings, fatal ones included, are results, not a failed run);
        // the category keeps Hindsight's alerts apart from other tools' in code scanning.
        invocations: [{ executionSuccessful: true }],
        automationDetails: { id: 'hindsight/' },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(root) } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A rule's SARIF name: its id in PascalCase (`timeline-order` → `TimelineOrder`). */
export function ruleName(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** A stable hash of what identifies a finding apart from where it stands. */
export function fingerprint(ruleId: string, uri: string, message: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${uri}\u0000${message}`).digest('hex').slice(0, 32);
}

/**
 * The file relative to `root` under %SRCROOT%, each path segment percent-encoded (spaces, "#",
 * "%", non-ASCII). A file outside `root` is reached with ".." segments: still relative.
 */
function artifactLocation(filePath: string, cwd: string, root: string): ArtifactLocation {
  const rel = relative(root, resolve(cwd, filePath));
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The git top level of `directory` (the nearest folder with a `.git` entry), else `directory` itself. */
export function repositoryRoot(directory: string): string {
  const start = resolve(directory);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(resolve(directory)).href;
  return href.endsWith('/') ? href : `${href}/`;
}
