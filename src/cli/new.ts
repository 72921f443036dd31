// `hindsight new "Title"`: starts a postmortem from the preset's template (templates/) or the
// team's own (`--template FILE`), in the configured content folder, as YYYY-MM-DD-slug.md.
//
// A template is Markdown with {{variables}}: title, id, date, severity, authors, timezone,
// slug. Inside the frontmatter each value is written as YAML (quoted when it needs to be,
// authors as a list); in the body as plain text. What only a person can write is left for
// the linter to ask for: sections hold only an HTML comment saying what goes there (the
// `empty-section` findings repeat it), severity and the incident's start and end are empty
// keys (`frontmatter-schema`), the timeline's one row has no time (`timeline-timestamp`).
// The templates write `status: draft`, so the presets make all of these warnings (presets.ts:
// the review life cycle) and the draft can be committed before it is complete.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../lint/config/load.ts';
import { loadRules } from '../lint/registry.ts';
import { visibleLine } from '../report/terminal.ts';
import { PathError, UsageError } from '../errors.ts';
import { printText } from '../report/output.ts';
import { writeProblem } from './output-file.ts';

export interface NewOptions {
  template?: string;
  date?: string;
  severity?: string;
  config?: string;
}

export interface NewPostmortem {
  /** Absolute path of the written file. */
  file: string;
  text: string;
}

/** The template of each preset, in templates/. */
export const PRESET_TEMPLATES: Record<string, string> = {
  recommended: 'default.md',
  strict: 'default.md',
  'google-sre': 'google-sre.md',
  alx: 'alx.md',
};

const SEVERITY = /^SEV[1-5]$/;

export async function newPostmortem(title: string, options: NewOptions, cwd = process.cwd()): Promise<number> {
  const created = await createPostmortem(title, options, cwd);
  printText('stdout', `${visibleLine(path.relative(cwd, created.file) || created.file)}\n`);
  return 0;
}

export async function createPostmortem(title: string, options: NewOptions, cwd: string, now = new Date()): Promise<NewPostmortem> {
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  if (cleanTitle === '') throw new UsageError('new needs a title, e.g. hindsight new "Checkout errors after the database failover".');
  const date = options.date ?? localDate(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new UsageError(`--date takes a date written YYYY-MM-DD, not "${date}".`);
  }
  const severity = options.severity?.trim().toUpperCase() ?? '';
  if (severity !== '' && !SEVERITY.test(severity)) throw new UsageError(`--severity takes SEV1 (worst) to SEV5, not "${options.severity}".`);

  const rules = await loadRules();
  const config = loadConfig({ cwd, configFile: options.config ?? null }, rules);
  const templateFile = options.template ? path.resolve(cwd, options.template) : builtInTemplate(config.preset);
  let template: string;
  try {
    template = readFileSync(templateFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read the template ${templateFile}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}.`,
    );
  }

  const slug = slugify(cleanTitle);
  const values: TemplateValues = {
    title: cleanTitle,
    id: `${date}-${slug}`,
    date,
    severity,
    authors: authors(cwd),
    timezone: config.timezone ?? 'UTC',
    slug,
  };
  const text = fillTemplate(template, values);
  const file = path.join(config.content, `${date}-${slug}.md`);
  try {
    mkdirSync(config.content, { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    const shown = path.relative(cwd, file) || file;
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && existsSync(file)) {
      throw new UsageError(`${shown} already exists: edit it, or choose another title or --date.`);
    }
    throw new PathError(`cannot write ${shown}: ${writeProblem(error)}.`);
  }
  return { file, text };
}

export interface TemplateValues {
  title: string;
  id: string;
  date: string;
  severity: string;
  authors: string[];
  timezone: string;
  slug: string;
}

/**
 * Replaces {{name}} (spaces allowed inside the braces); unknown names are left for
 * `no-placeholder` to report. In the frontmatter's YAML lines a value is written as YAML;
 * in its comment lines and in the body, as text.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(template);
  const end = frontmatter ? frontmatter[0].length : 0;
  const fill = (text: string, asYaml: boolean): string =>
    text.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (whole, name: string) => {
      if (!Object.hasOwn(values, name)) return whole;
      const value = values[name as keyof TemplateValues];
      if (Array.isArray(value)) return asYaml ? `[${value.map(yamlString).join(', ')}]` : value.join(', ');
      return asYaml ? yamlString(value) : value;
    });
  const yaml = template
    .slice(0, end)
    .split('\n')
    .map((line) => fill(line, !/^\s*#/.test(line)).replace(/[ \t]+$/, ''))
    .join('\n');
  return yaml + fill(template.slice(end), false);
}

/** A YAML scalar for a string: plain when YAML reads it back as the same string, else double-quoted. */
export function yamlString(value: string): string {
  if (value === '') return '';
  const plainWord = /^[A-Za-z][\w ./+()-]*$/.test(value) && !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(value);
  const dateLike = /^\d{4}-\d{2}-\d{2}(?:-[a-z0-9-]+)?$/.test(value);
  return (plainWord || dateLike) && !/ #|: |\s$/.test(value) ? value : JSON.stringify(value);
}

/** "Checkout errors after the DB failover!" → "checkout-errors-after-the-db-failover". */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    if (slug && slug.length + 1 + word.length > 60) break;
    slug = slug ? `${slug}-${word}` : word.slice(0, 60);
  }
  return slug || 'postmortem';
}

/** The author: git's user.name where the postmortem is written, else the login name. */
function authors(cwd: string): string[] {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return [name];
  } catch {}
  const user = process.env.USER ?? process.env.USERNAME ?? safeUserName();
  return user ? [user] : [];
}

function safeUserName(): string | null {
  try {
    return os.userInfo().username || null;
  } catch {
    return null;
  }
}

function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** templates/ beside lib/ (one folder up from the bundle) or beside src/ (two folders up from here). */
function builtInTemplate(preset: string): string {
  const name = PRESET_TEMPLATES[preset] ?? 'default.md';
  for (const up of ['../templates/', '../../templates/']) {
    const file = fileURLToPath(new URL(`${up}${name}`, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new UsageError(`the built-in template ${name} is missing from this installation of Hindsight: reinstall it, or pass --template FILE.`);
}
