// What a rule is. One file in rules/ default-exports one `defineRule({...})`: its id,
// description, default severity, fixability, an options schema (JSON Schema, checked with
// ajv when the configuration is loaded) and documentation whose examples run as tests.
import type { Node, Root } from 'mdast';
import type { Postmortem } from '../core/model.ts';
import type { Archive, ArchiveNeed } from './archive/index.ts';
import type { TextPiece } from './kit/prose.ts';

export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

/** A JSON Schema for a rule's options object. */
export type OptionsSchema = Record<string, unknown>;

export interface RuleExample {
  /** A short title for the example, shown in docs and test names. */
  title: string;
  markdown: string;
  /** Options for this example (merged over the rule's defaults). */
  options?: Record<string, unknown>;
  /** Configuration defaults (zone, preset order…) the example assumes. */
  settings?: Partial<LintSettings>;
  /** For an invalid example: the messages expected (substring match), in order. */
  messages?: string[];
  /** For a fixable rule's invalid example: the document after `--fix`. */
  output?: string;
  /** File name to lint the example as (default `example.md`). */
  fileName?: string;
}

export interface RuleDocs {
  /** Why the rule exists: one short paragraph, shown in docs/rules/ and on the site. */
  rationale: string;
  /** Examples that must raise findings. */
  invalid: RuleExample[];
  /** Examples that must pass. */
  valid: RuleExample[];
}

export interface Fix {
  /** Offsets into the source: the text in [start, end) is replaced by `text`. */
  start: number;
  end: number;
  text: string;
}

interface ReportBase {
  message: string;
  fix?: Fix;
}

/** A finding at a line and column (1-based), ending where given or where it starts. */
export interface LineColumnReport extends ReportBase {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A finding over the source text in [start, end) (offsets, as a Fix takes them). */
export interface RangeReport extends ReportBase {
  start: number;
  end: number;
}

/** A finding over a node of the tree, from its start to its end (at line 1 column 1 if it has no position). */
export interface NodeReport extends ReportBase {
  node: Pick<Node, 'position'>;
}

/** What a rule reports: where, by line and column, by source offsets or by node, and why. */
export type Report = LineColumnReport | RangeReport | NodeReport;

/** Settings from the configuration that rules may read (beyond their own options). */
export interface LintSettings {
  /** The default time zone when a document declares none. */
  timezone: string | null;
  /** Frontmatter keys the configuration requires. */
  requiredFrontmatter: string[];
  /** Extra JSON Schema merged into the frontmatter schema. */
  frontmatterSchema: Record<string, unknown> | null;
  /** "Now", for rules about the future or overdue items (fixed in tests). */
  now: Date;
  /**
   * The archive the document belongs to, for cross-file rules: the other postmortems of the
   * content folder, read cheaply (src/lint/archive/entry.ts). Set by the lint run only when a rule
   * that declares `archive` is active; a documented example gives a small one
   * (`exampleArchive({...})`). Absent, a cross-file rule sees the document alone.
   */
  archive?: Archive;
}

export interface RuleContext<Options> {
  model: Postmortem;
  tree: Root;
  source: string;
  /** Offsets at which each line starts (index 0 is line 1). */
  lineStarts: readonly number[];
  options: Options;
  settings: LintSettings;
  report(report: Report): void;
  /** Line and column (1-based) of a source offset. */
  position(offset: number): { line: number; column: number };
  /** Prose and code text with source offsets, computed once per file for all rules. */
  pieces(): readonly TextPiece[];
}

export interface Rule<Options = Record<string, unknown>> {
  id: string;
  description: string;
  /** Default severity: the one the `recommended` preset gives it. */
  severity: SeveritySetting;
  fixable: boolean;
  /** JSON Schema of the options object. */
  schema: OptionsSchema;
  /** Option values used when the configuration gives none. */
  defaults: Options;
  docs: RuleDocs;
  /**
   * A cross-file rule: what it reads of the other postmortems (`index`: id, title, date,
   * services, related; `root-cause`: those and the root-cause text). The archive is loaded
   * only when an active rule declares this.
   */
  archive?: ArchiveNeed;
  check(context: RuleContext<Options>): void;
}

/**
 * What a rule file declares: a Rule whose boilerplate may be left out. `fixable` defaults to
 * false, `schema` to an object schema that allows no options, and `defaults` to `{}` (which a
 * rule may leave out only when every option is optional).
 */
export type RuleDeclaration<Options> = Omit<Rule<Options>, 'fixable' | 'schema' | 'defaults'> & {
  fixable?: boolean;
  schema?: OptionsSchema;
} & (Record<string, never> extends Options ? { defaults?: Options } : { defaults: Options });

export function defineRule<Options extends Record<string, unknown> = Record<string, never>>(declaration: RuleDeclaration<Options>): Rule<Options> {
  return {
    ...declaration,
    fixable: declaration.fixable ?? false,
    schema: declaration.schema ?? { type: 'object', properties: {}, additionalProperties: false },
    defaults: declaration.defaults ?? ({} as Options),
  };
}
