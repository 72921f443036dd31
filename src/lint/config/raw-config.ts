// What a configuration file says, as written (after validation): the shape load.ts resolves.
import type { SectionKind } from '../../core/model.ts';
import type { RuleSetting } from './presets.ts';
import type { PresetName } from './schema.ts';

export interface RawConfig {
  extends?: PresetName;
  rules?: Record<string, RuleSetting>;
  content?: string;
  ignore?: string[];
  timezone?: string;
  sectionAliases?: Record<string, SectionKind>;
  requiredFrontmatter?: string[];
  frontmatterSchema?: Record<string, unknown>;
  cache?: string;
  overrides?: OverrideConfig[];
}

/** Settings for some postmortems only (see overrides.ts). */
export interface OverrideConfig {
  /** Frontmatter key → the value, or any of the values, it must have. */
  when?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  /** Globs as in .gitignore, relative to the configuration file. */
  files?: string[];
  rules?: Record<string, RuleSetting>;
  /** The `required-sections` rule's `sections` for these postmortems (layers.ts). */
  requiredSections?: string[];
}
