// `hindsight lint --format sarif`: a SARIF 2.1.0 log with one run, for GitHub code scanning
// and other SARIF viewers. Files are named relative to the working directory under the
// %SRCROOT% base (absolute file URIs for files outside it); every linted file is listed in
// `artifacts`, every rule in `tool.driver.rules`. Each result carries a partial fingerprint
// made from its rule, file and message, not its line, so an alert survives edits above it.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Artifact, ArtifactLocation, Log, ReportingDescriptor, Result } from 'sarif';
import { DOCS_BASE, type LintResult, type RuleMeta } from '../lint/result.ts';

export interface SarifOptions {
  cwd: string;
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
      shortDescription: { text: rule.description },
      helpUri: rule.helpUri,
      defaultConfiguration: rule.severity === 'off' ? { enabled: false, level: 'none' } : { level: rule.severity === 'error' ? 'error' : 'warning' },
      properties: { fixable: rule.fixable },
    });
  }

  const artifacts: Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const sarifResults: Result[] = [];
  for (const result of results) {
    const location = artifactLocation(result.filePath, options.cwd);
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
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A stable hash of what identifies a finding apart from where it stands. */
export function fingerprint(ruleId: string, uri: string, message: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${uri}\u0000${message}`).digest('hex').slice(0, 32);
}

/** The file relative to `cwd` under %SRCROOT%, or its absolute file URI when outside `cwd`. */
function artifactLocation(filePath: string, cwd: string): ArtifactLocation {
  const absolute = resolve(cwd, filePath);
  const rel = relative(cwd, absolute);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(resolve(directory)).href;
  return href.endsWith('/') ? href : `${href}/`;
}
