// Linting one text no file holds (the library's lintText, `hindsight lint --stdin`): the
// configuration that applies to the path it is linted as, the archive index of the active
// cross-file rules, one linter, and the fixes applied in memory. Nothing is read or written.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { discoverConfig, loadConfig, resolveConfig, type ResolvedConfig } from './config/load.ts';
import type { Suppressed } from './directives.ts';
import type { Finding } from './engine.ts';
import { createLinter, lintAndFix } from './linter.ts';
import { summarise, type LintResult } from './result.ts';
import { loadRunArchive } from './run.ts';
import type { Rule } from './rule.ts';

export interface TextLintOptions {
  /** Where the text is linted as: decides the overrides and the cross-file rules' view. */
  filePath: string;
  config: ResolvedConfig;
  rules: ReadonlyMap<string, Rule>;
  fix?: boolean;
  now?: Date;
  /** False: inline directives are ignored (`--no-inline-config`). */
  inlineConfig?: boolean;
  /** Hindsight's version, which stamps the archive index (given by the caller: the CLI's own code stays in its entry). */
  version: string;
}

export async function lintOneText(text: string, options: TextLintOptions): Promise<LintResult> {
  const { filePath, config, rules } = options;
  const archive = await loadRunArchive(config, rules, existsSync(filePath) ? [filePath] : [], { cache: false, version: options.version });
  const linter = createLinter(config, rules, options.now ?? new Date(), {
    ...(archive && { archive: archive.value }),
    ...(options.inlineConfig === false && { inlineConfig: false }),
  });
  if (!options.fix) {
    const suppressed: Suppressed<Finding>[] = [];
    const messages = linter.lint(filePath, text, null, suppressed);
    return summarise(filePath, messages, undefined, suppressed);
  }
  const fixed = lintAndFix(filePath, text, linter, null);
  return summarise(filePath, fixed.messages, fixed.text === text ? undefined : fixed.text, fixed.suppressed);
}

/**
 * The configuration for a text linted as `filePath`: `configFile` if given, else the nearest
 * configuration file up from the path's folder, else the defaults relative to `cwd`.
 */
export function configForPath(cwd: string, filePath: string, configFile: string | null, rules: ReadonlyMap<string, Rule>): ResolvedConfig {
  if (configFile !== null) return loadConfig({ cwd, configFile: path.resolve(cwd, configFile) }, rules);
  const found = discoverConfig(path.dirname(filePath));
  return found ? loadConfig({ cwd, configFile: found }, rules) : resolveConfig({}, null, cwd, rules);
}
