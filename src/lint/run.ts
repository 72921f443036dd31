// A lint run: configuration → files → per file: parse once, build the model, run the
// rules, apply fixes → results. Used by the CLI, the site's loader and the action.
import { readFileSync } from 'node:fs';
import { buildModel, type Parsed } from '../core/build.ts';
import { normaliseHeading } from '../core/sections/classify.ts';
import type { SectionKind } from '../core/model.ts';
import { LintCache, cacheKey, contentHash } from './cache.ts';
import { loadConfig, type ResolvedConfig } from './config/load.ts';
import { lintParsed, type Finding, type LintTimings } from './engine.ts';
import { selectFiles } from './files.ts';
import { applyFixes } from './fix.ts';
import { loadRules } from './registry.ts';
import { summarise, type LintResult } from './result.ts';
import type { LintSettings, Rule } from './rule.ts';
import { writeFileAtomic } from './write.ts';

export interface LintRunOptions {
  cwd: string;
  paths?: readonly string[];
  configFile?: string | null;
  fix?: boolean;
  cache?: boolean;
  timing?: boolean;
  now?: Date;
  version?: string;
}

export interface LintRun {
  results: LintResult[];
  config: ResolvedConfig;
  rules: ReadonlyMap<string, Rule>;
  timings: LintTimings | null;
}

const MAX_FIX_PASSES = 10;

export async function lintRun(options: LintRunOptions): Promise<LintRun> {
  const rules = await loadRules();
  const config = loadConfig({ cwd: options.cwd, configFile: options.configFile ?? null }, rules);
  const files = await selectFiles({
    cwd: options.cwd,
    root: config.root,
    paths: options.paths ?? [],
    contentFolder: config.content,
    ignoreGlobs: config.ignore,
  });
  const linter = createLinter(config, rules, options.now ?? new Date());
  const timings: LintTimings | null = options.timing ? {} : null;
  const cache = options.cache ? new LintCache(config.cacheFile, cacheKey([options.version ?? '', config.raw, config.preset])) : null;
  const results: LintResult[] = [];
  for (const file of files) {
    results.push(lintFile(file, linter, { fix: options.fix ?? false, cache, timings }));
  }
  cache?.save();
  return { results, config, rules, timings };
}

export interface Linter {
  lint(filePath: string, source: string, timings?: LintTimings | null): Finding[];
  /** The model and the findings from one parse: for the site, which shows both. */
  lintWithModel(filePath: string, source: string): { parsed: Parsed; findings: Finding[] };
}

export function createLinter(config: ResolvedConfig, rules: ReadonlyMap<string, Rule>, now: Date): Linter {
  const settings: LintSettings = {
    timezone: config.timezone,
    requiredFrontmatter: config.requiredFrontmatter,
    frontmatterSchema: config.frontmatterSchema,
    now,
  };
  const aliases = new Map<string, SectionKind>();
  for (const [heading, kind] of config.sectionAliases) aliases.set(normaliseHeading(heading), kind);
  const known = new Set(rules.keys());
  const parse = (filePath: string, source: string): Parsed =>
    buildModel(filePath, source, { defaultZone: config.timezone, sectionAliases: aliases });
  return {
    lint(filePath, source, timings) {
      return lintParsed(parse(filePath, source), config.rules, settings, known, timings ?? undefined);
    },
    lintWithModel(filePath, source) {
      const parsed = parse(filePath, source);
      return { parsed, findings: lintParsed(parsed, config.rules, settings, known) };
    },
  };
}

interface FileOptions {
  fix: boolean;
  cache: LintCache | null;
  timings: LintTimings | null;
}

function lintFile(filePath: string, linter: Linter, options: FileOptions): LintResult {
  let source: string;
  try {
    source = readFileSync(filePath, 'utf8');
  } catch (error) {
    return summarise(filePath, [fatal(`Cannot read this file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`)]);
  }
  const hash = options.cache ? contentHash(source) : '';
  const cached = options.cache?.get(filePath, hash);
  if (cached && !(options.fix && cached.some((m) => m.fix))) return summarise(filePath, cached);

  let messages = linter.lint(filePath, source, options.timings);
  let output: string | undefined;
  if (options.fix) {
    let text = source;
    for (let pass = 0; pass < MAX_FIX_PASSES && messages.some((m) => m.fix); pass++) {
      const outcome = applyFixes(text, messages);
      if (outcome.applied.length === 0) break;
      text = outcome.output;
      messages = linter.lint(filePath, text, options.timings);
    }
    if (text !== source) {
      writeFileAtomic(filePath, text);
      output = text;
    }
  }
  options.cache?.set(filePath, options.fix && output ? contentHash(output) : hash, messages);
  return summarise(filePath, messages, output);
}

function fatal(message: string): Finding {
  return { ruleId: 'fatal', severity: 2, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
