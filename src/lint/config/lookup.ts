// The configuration of each file, as ESLint and markdownlint-cli2 find it: the nearest
// configuration file up from the file's own folder, not from the working folder, so files
// of two teams' folders are each linted with their team's settings. `--config FILE` takes
// this out of play: that file applies to every file.
import path from 'node:path';
import type { Rule } from '../rule.ts';
import { configFileIn } from './config-file.ts';
import { loadConfig, resolveConfig, type ResolvedConfig } from './load.ts';

/**
 * Finds and loads the configuration of each file of a run: each folder is looked at once,
 * each configuration file read and validated once. `base` is the configuration the run loaded
 * from the working folder: it is reused for the files it applies to.
 */
export class ConfigLookup {
  private readonly fileIn = new Map<string, string | null>();
  private readonly loaded = new Map<string | null, ResolvedConfig>();
  private readonly cwd: string;
  private readonly rules: ReadonlyMap<string, Rule>;

  constructor(cwd: string, rules: ReadonlyMap<string, Rule>, base: ResolvedConfig) {
    this.cwd = path.resolve(cwd);
    this.rules = rules;
    // A base without a file holds the defaults, relative to the working folder: what a file with no configuration up from it gets too.
    this.loaded.set(base.file, base);
  }

  /** The configuration that applies to `file` (an absolute path). */
  configOf(file: string): ResolvedConfig {
    const found = this.nearest(path.dirname(file));
    let config = this.loaded.get(found);
    if (!config) {
      config = found === null ? resolveConfig({}, null, this.cwd, this.rules) : loadConfig({ cwd: this.cwd, configFile: found }, this.rules);
      this.loaded.set(found, config);
    }
    return config;
  }

  /** The nearest configuration file up from `dir`, every folder on the way remembered. */
  private nearest(dir: string): string | null {
    const walked: string[] = [];
    let found: string | null | undefined;
    for (let at = dir; ; at = path.dirname(at)) {
      found = this.fileIn.get(at);
      if (found !== undefined) break;
      walked.push(at);
      found = configFileIn(at);
      if (found !== null || path.dirname(at) === at) break;
    }
    for (const at of walked) this.fileIn.set(at, found);
    return found;
  }
}
