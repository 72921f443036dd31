// `hindsight lint --print-config FILE`, as ESLint's: the configuration that applies to one file,
// resolved (preset, rules with their options, overrides that match the file's path and
// frontmatter), as JSON on stdout, and where it came from. Nothing is linted.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readFrontmatter } from '../core/frontmatter.ts';
import { parseMarkdown } from '../core/parse.ts';
import { HindsightError } from '../errors.ts';
import { configForFile, type ResolvedConfig } from '../lint/config/load.ts';
import { readPostmortemText, selectFiles } from '../lint/files.ts';
import { overrideResolver, settingsWith } from '../lint/overrides.ts';
import { loadRules } from '../lint/registry.ts';
import type { Rule } from '../lint/rule.ts';
import { printJson, quietOnBrokenPipe } from '../report/output.ts';

/** `adjust`: the command line's changes to the configuration (`--rule`), shown as the run would apply them. */
export async function printConfig(
  file: string,
  configFile: string | undefined,
  adjust?: (config: ResolvedConfig, rules: ReadonlyMap<string, Rule>) => ResolvedConfig,
): Promise<number> {
  const cwd = process.cwd();
  const filePath = path.resolve(cwd, file);
  const rules = await loadRules();
  const found = configForFile(filePath, { cwd, configFile: configFile ?? null }, rules);
  const config = adjust ? adjust(found, rules) : found;
  const frontmatter = frontmatterOf(filePath);
  const overrides = config.overrides.length > 0 ? overrideResolver(config, rules).matching(filePath, frontmatter) : [];
  const settings = settingsWith(config, overrides);
  const ruleSettings: Record<string, [string, Record<string, unknown>]> = {};
  for (const [id, state] of settings) ruleSettings[id] = [state.severity, state.options];
  const ignoredBy = await ignoreSource(filePath, config.root, config.ignore, cwd);
  const printed = {
    filePath,
    /** Where it came from: the configuration file (null: none was found, the defaults apply). */
    configFile: config.file,
    from: configFile ? '--config' : config.file ? 'nearest configuration file up from the file' : 'defaults (no configuration file found)',
    /** The file of the pattern that leaves this file out of a lint run, or null. */
    ignoredBy,
    /** Indexes of the configuration's overrides that apply to this file (by its path and frontmatter). */
    overridesApplied: overrides,
    extends: config.preset,
    content: config.content,
    ignore: config.ignore,
    timezone: config.timezone,
    sectionAliases: Object.fromEntries(config.sectionAliases),
    requiredFrontmatter: config.requiredFrontmatter,
    frontmatterSchema: config.frontmatterSchema,
    cache: config.cacheFile,
    rules: ruleSettings,
  };
  quietOnBrokenPipe();
  printJson(JSON.stringify(printed, null, 2));
  return 0;
}

/** The file's frontmatter, which overrides' `when` reads; null when the file is missing or unreadable (then only `files` can match). */
function frontmatterOf(filePath: string): Record<string, unknown> | null {
  if (!existsSync(filePath)) return null;
  const read = readPostmortemText(filePath);
  if (!('text' in read)) return null;
  return readFrontmatter(parseMarkdown(read.text)).data;
}

/** Where the pattern is that leaves this file out when named on the command line, or null. */
async function ignoreSource(filePath: string, root: string, ignoreGlobs: readonly string[], cwd: string): Promise<string | null> {
  if (!existsSync(filePath)) return null;
  let source: string | null = null;
  try {
    await selectFiles({ cwd, root, paths: [filePath], contentFolder: root, ignoreGlobs, onIgnored: (_file, from) => (source = from) });
  } catch (error) {
    // A path lint would refuse (a folder, a link out): nothing to say about ignores.
    if (!(error instanceof HindsightError)) throw error;
  }
  return source;
}
