// What a rule is. One file in rules/ default-exports one `defineRule({...})`: its id,
// description, default severity, fixability, an options schema (JSON Schema, checked with
// ajv when the configuration is loaded) and documentation whose examples run as tests.
import type { Node, Root } from 'mdast';
import type { Postmortem } from '../core/model.ts';
import type { ArchiveEntry, ArchiveNeed, TermVector } from './archive/index.ts';
import type { TextPiece } from './kit/prose.ts';

export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

/** A JSON Schema for a rule's options object. */
export type OptionsSchema = Record<string, unknown>;

export interface RuleExample {
  /** A short title for the example, shown in docs and test names. */
  title: string;
  /** The document, best written with the `md` tag below. */
  markdown: string;
  /** Options for this example (merged over the rule's defaults). */
  options?: Record<string, unknown>;
  /** Configuration defaults (zone, preset order…) the example assumes. */
  settings?: Partial<LintSettings>;
  /**
   * For an invalid example: the rule's full output, one line per finding in order, as
   * `line:column-endLine:endColumn messageId` (a finding without an id gives its message in the
   * id's place). Blank lines and the indentation of each line do not count.
   */
  expected?: string;
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

/**
 * A rule's messages by id (as ESLint's `meta.messages`): text with `{{name}}` placeholders that
 * a report fills from its `data`. Say what is wrong and how to fix it.
 */
export type MessageTable = Readonly<Record<string, string>>;

/** The placeholder names of a message's text. */
type Placeholders<Text extends string> = Text extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** Values for the placeholders of a message's text. */
export type MessageData = Readonly<Record<string, string | number>>;

/** A report's `data`: exactly the placeholders of its message's text, when the text is known. */
type DataFor<Text extends string> = string extends Text
  ? { data?: MessageData }
  : [Placeholders<Text>] extends [never]
    ? { data?: undefined }
    : { data: Readonly<Record<Placeholders<Text>, string | number>> };

/** What a report says: a declared message by id (with its data), or a message of its own. */
export type ReportText<Messages extends MessageTable = MessageTable> =
  | { message: string; messageId?: undefined; data?: undefined }
  | { [Id in keyof Messages & string]: { messageId: Id; message?: undefined } & DataFor<Messages[Id]> }[keyof Messages & string];

// Each kind of place rules out the others' properties, which lets TypeScript check a report
// whose message id is chosen at run time (`messageId: late ? 'after' : 'before'`).

/** A place by line and column (1-based), ending where given or where it starts. */
export interface LineColumnPlace {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  start?: undefined;
  node?: undefined;
}

/** A place over the source text in [start, end) (offsets, as a Fix takes them). */
export interface RangePlace {
  start: number;
  end: number;
  line?: undefined;
  node?: undefined;
}

/** A place over a node of the tree, from its start to its end (at line 1 column 1 if it has no position). */
export interface NodePlace {
  node: Pick<Node, 'position'>;
  line?: undefined;
  start?: undefined;
}

/** A report at a line and column, its text filled in: what the engine makes a finding of. */
export type LineColumnReport = LineColumnPlace & { message: string; messageId?: string; fix?: Fix };
export type RangeReport<Messages extends MessageTable = MessageTable> = ReportText<Messages> & RangePlace & { fix?: Fix };
export type NodeReport<Messages extends MessageTable = MessageTable> = ReportText<Messages> & NodePlace & { fix?: Fix };

/** What a rule reports: why (a message, or a message id and its data), where, and how to fix it. */
export type Report<Messages extends MessageTable = MessageTable> = ReportText<Messages> & (LineColumnPlace | RangePlace | NodePlace) & { fix?: Fix };

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
  archive?: ArchiveView;
  /** False: `<!-- hindsight-disable … -->` comments are ignored (`--no-inline-config`). */
  inlineConfig?: boolean;
}

/**
 * What a cross-file rule reads of the archive: the other postmortems of the content folder
 * and the lookups rules make in them (src/lint/archive/archive.ts implements it). The engine
 * always gives one: when the run loaded none, one that holds no postmortem (`known` false).
 */
export interface ArchiveView {
  /** The folder paths in messages are relative to. */
  readonly root: string;
  /** False when no archive was loaded (a caller that lints one text): what is not in it may still exist. */
  readonly known: boolean;
  readonly entries: readonly ArchiveEntry[];
  /** Entries with this id (case and surrounding spaces aside). */
  withId(id: string): readonly ArchiveEntry[];
  /** Entries without an id with this title and date. */
  withTitleAndDate(title: string, date: string): readonly ArchiveEntry[];
  /** Entries that name one of these services, each once, in archive order. */
  withServices(services: readonly string[]): readonly ArchiveEntry[];
  /** Entries whose file name, without `.md`, is this. */
  withStem(stem: string): readonly ArchiveEntry[];
  at(filePath: string): ArchiveEntry | undefined;
  /** Whether a file exists: in the archive, else on disk. */
  hasFile(filePath: string): boolean;
  /** A path as messages show it: relative to the root, with `/`. */
  display(filePath: string): string;
  /** The document being linted as an archive entry (its root cause only when `need` is 'root-cause'). */
  self(model: Postmortem, need?: ArchiveNeed): ArchiveEntry;
  /** The TF-IDF vector of an entry's root cause. */
  vector(entry: ArchiveEntry): TermVector;
  /** The id closest to this value within two edits, for "did you mean". */
  closestId(value: string): string | null;
}

export interface RuleContext<Options, Messages extends MessageTable = MessageTable> {
  model: Postmortem;
  tree: Root;
  source: string;
  /** Offsets at which each line starts (index 0 is line 1). */
  lineStarts: readonly number[];
  options: Options;
  settings: LintSettings;
  /** The archive the document belongs to (settings.archive), or an empty one when none was loaded. */
  archive: ArchiveView;
  report(report: Report<Messages>): void;
  /** Line and column (1-based) of a source offset. */
  position(offset: number): { line: number; column: number };
  /** Prose and code text with source offsets, computed once per file for all rules. */
  pieces(): readonly TextPiece[];
}

export interface Rule<Options = Record<string, unknown>, Messages extends MessageTable = MessageTable> {
  id: string;
  description: string;
  /** Default severity: the one the `recommended` preset gives it. */
  severity: SeveritySetting;
  fixable: boolean;
  /** JSON Schema of the options object. */
  schema: OptionsSchema;
  /** Option values used when the configuration gives none. */
  defaults: Options;
  /**
   * The rule's messages by id, one per kind of finding it reports: a report names one with
   * `messageId` (and fills its placeholders from `data`), and the finding carries the id.
   */
  messages?: Messages;
  docs: RuleDocs;
  /**
   * A cross-file rule: what it reads of the other postmortems (`index`: id, title, date,
   * services, related; `root-cause`: those and the root-cause text). The archive is loaded
   * only when an active rule declares this.
   */
  archive?: ArchiveNeed;
  check(context: RuleContext<Options, Messages>): void;
}

/**
 * What a rule file declares: a Rule whose boilerplate may be left out. `fixable` defaults to
 * false, `schema` to an object schema that allows no options, and `defaults` to `{}` (which a
 * rule may leave out only when every option is optional).
 */
export type RuleDeclaration<Options, Messages extends MessageTable> = Omit<Rule<Options, Messages>, 'fixable' | 'schema' | 'defaults' | 'messages'> & {
  fixable?: boolean;
  schema?: OptionsSchema;
} & (Record<string, never> extends Options ? { defaults?: Options } : { defaults: Options }) &
  ([keyof Messages] extends [never] ? { messages?: Messages } : { messages: Messages });

/**
 * A rule from its declaration. The message ids a rule may report are those of its `messages`:
 * a rule that names its Options type names its messages' type too
 * (`defineRule<Options, typeof messages>`), else `report({ messageId })` does not compile.
 */
export function defineRule<Options extends Record<string, unknown> = Record<string, never>, const Messages extends MessageTable = Record<never, string>>(
  declaration: RuleDeclaration<Options, Messages>,
): Rule<Options, Messages> {
  return {
    ...declaration,
    fixable: declaration.fixable ?? false,
    schema: declaration.schema ?? { type: 'object', properties: {}, additionalProperties: false },
    defaults: declaration.defaults ?? ({} as Options),
  };
}

/**
 * A message's text with its `{{name}}` placeholders filled. A placeholder without a value is a
 * bug in the rule (the types prevent it where the text is known), so it throws.
 */
export function fillMessage(text: string, data: MessageData | undefined): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = data !== undefined && Object.hasOwn(data, name) ? data[name] : undefined;
    if (value === undefined) throw new Error(`the message "${text}" has no value for {{${name}}}`);
    return String(value);
  });
}

/**
 * Markdown written as an indented template literal: drops the line break after the opening
 * backtick and the indentation before the closing one, and the indentation every line shares.
 * `md\`\n  # Title\n\n  Text.\n\`` is `'# Title\n\nText.\n'`.
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((all, part, i) => all + (i > 0 ? String(values[i - 1]) : '') + part, '');
  const lines = text.split('\n');
  if (lines.length > 1 && lines[0]!.trim() === '') lines.shift();
  if (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines[lines.length - 1] = '';
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const shared = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(Math.min(shared, /^ */.exec(line)![0].length))).join('\n');
}
