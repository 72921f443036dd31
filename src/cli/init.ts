// `hindsight init`: writes a first configuration, hindsight.config.jsonc with `$schema` (so an
// editor completes keys and rule options), into the working folder. At a terminal it asks for
// the preset and the content folder; otherwise (CI, a script, a pipe) it asks nothing and
// takes the defaults or the options given. It never replaces a configuration unless --force.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { PathError, UsageError } from '../errors.ts';
// From load.ts, not config-file.ts: the bundle keeps the configuration code `lint` loads in
// the same chunks when this command reaches all of it (test/hooks/startup.test.ts counts them).
import { configFileIn, PRESETS, type PresetName } from '../lint/config/load.ts';
import { printText } from '../report/output.ts';
import { writeProblem } from './output-file.ts';

export const INIT_FILE = 'hindsight.config.jsonc';
export const DEFAULT_CONTENT = 'postmortems';
const CONFIGURATION_DOCS = 'https://github.com/hindsight-postmortems/hindsight/blob/main/docs/configuration.md';
const SCHEMA_IN_PACKAGE = 'node_modules/hindsight-postmortems/schema/config.schema.json';

export interface InitOptions {
  force?: boolean;
  preset?: string;
  content?: string;
}

export interface InitAnswers {
  preset: PresetName;
  content: string;
}

export async function init(options: InitOptions): Promise<number> {
  const cwd = process.cwd();
  const target = path.join(cwd, INIT_FILE);
  const existing = configFileIn(cwd);
  if (existing && !options.force) {
    throw new UsageError(`${path.basename(existing)} already configures Hindsight here: edit it, or run \`hindsight init --force\` to replace it.`);
  }
  // A hindsight.config.json is read before the file init writes: replacing it would change nothing.
  if (existing && path.basename(existing) === 'hindsight.config.json') {
    throw new UsageError(`hindsight.config.json would still apply instead of a new ${INIT_FILE}: edit it, or remove it and run \`hindsight init\` again.`);
  }
  const given = { preset: presetOption(options.preset), content: contentOption(options.content) };
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && (given.preset === null || given.content === null);
  const answers = interactive
    ? await askSettings(process.stdin, process.stdout, given)
    : { preset: given.preset ?? 'recommended', content: given.content ?? DEFAULT_CONTENT };
  writeConfig(target, configText(answers, schemaPath(cwd)), options.force ?? false);
  const lines = [`Wrote ${INIT_FILE}: the ${answers.preset} preset, postmortems in ${answers.content}/.`];
  if (existing && existing !== target)
    lines.push(
      path.basename(existing) === 'package.json'
        ? `The "hindsight" key of package.json no longer applies here: ${INIT_FILE} is read first. Remove the key when you have moved what you need.`
        : `${path.basename(existing)} no longer applies here: ${INIT_FILE} is read first. Remove it when you have moved what you need.`,
    );
  const folder = path.resolve(cwd, answers.content);
  lines.push(
    existsSync(folder)
      ? 'Next: run `npx hindsight lint` to lint the postmortems there.'
      : 'Next: run `npx hindsight new "Title of the incident"` to start a postmortem there, then `npx hindsight lint`.',
  );
  printText('stdout', `${lines.join('\n')}\n`);
  return 0;
}

/** Writes the file (never over one made meanwhile, without --force); a failure is one line and exit code 2. */
function writeConfig(file: string, text: string, force: boolean): void {
  try {
    writeFileSync(file, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${INIT_FILE} already exists: edit it, or run \`hindsight init --force\` to replace it.`);
    throw new PathError(`Cannot write ${file}: ${writeProblem(error, { EISDIR: 'a folder has that name' })}. Nothing was written.`);
  }
}

/**
 * Asks for what was not given as an option: the preset and the content folder. An empty
 * answer takes the default; an unknown preset is asked again. Closing the input (Ctrl-D) or
 * Ctrl-C stops without writing anything.
 */
export async function askSettings(input: Readable, output: Writable, given: { preset: PresetName | null; content: string | null }): Promise<InitAnswers> {
  const rl = createInterface({ input, output, terminal: false });
  const stopped = (): UsageError => new UsageError('hindsight init stopped: nothing was written.');
  const closed = new Promise<never>((_, reject) => rl.once('close', () => reject(stopped())));
  rl.on('SIGINT', () => rl.close());
  const ask = (question: string): Promise<string> =>
    Promise.race([rl.question(question), closed]).then(
      (answer) => answer.trim(),
      () => {
        throw stopped();
      },
    );
  try {
    let preset = given.preset;
    while (preset === null) {
      const answer = await ask(`Preset (${PRESETS.join(', ')}) [recommended]: `);
      preset = answer === '' ? 'recommended' : PRESETS.includes(answer as PresetName) ? (answer as PresetName) : null;
      if (preset === null) output.write(`"${answer}" is not a preset.\n`);
    }
    const content = given.content ?? contentOption((await ask(`Folder of postmortems [${DEFAULT_CONTENT}]: `)) || DEFAULT_CONTENT)!;
    return { preset, content };
  } finally {
    closed.catch(() => {});
    rl.close();
  }
}

function presetOption(value: string | undefined): PresetName | null {
  if (value === undefined) return null;
  if (!PRESETS.includes(value as PresetName)) throw new UsageError(`--preset takes one of ${PRESETS.join(', ')}, not "${value}".`);
  return value as PresetName;
}

/** A content folder as written in the configuration: with `/`, without a trailing one. */
function contentOption(value: string | undefined): string | null {
  if (value === undefined) return null;
  const folder = value.trim().replace(/\\/g, '/').replace(/\/+$/, '');
  if (folder === '') throw new UsageError('--content takes a folder, e.g. --content docs/postmortems.');
  return folder;
}

/**
 * `$schema`: the installed package's schema, from the nearest node_modules up from the
 * working folder that holds it (a workspace's is often above it), else where `npm install
 * --save-dev hindsight-postmortems` will put it.
 */
function schemaPath(cwd: string): string {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, SCHEMA_IN_PACKAGE))) {
      const relative = path.relative(cwd, path.join(dir, SCHEMA_IN_PACKAGE)).split(path.sep).join('/');
      return relative.startsWith('.') ? relative : `./${relative}`;
    }
    if (path.dirname(dir) === dir) return `./${SCHEMA_IN_PACKAGE}`;
  }
}

/** The configuration file's text: JSON with comments that say where to go next. */
export function configText(answers: InitAnswers, schema: string): string {
  return `{
  // Hindsight's configuration. Every key: ${CONFIGURATION_DOCS}
  // Every rule: \`npx hindsight rules\`.
  "$schema": ${JSON.stringify(schema)},
  // The preset to start from: ${PRESETS.join(', ')}.
  "extends": ${JSON.stringify(answers.preset)},
  // The folder of postmortems, relative to this file.
  "content": ${JSON.stringify(answers.content)},
  // Per rule: "off", "warn", "error", or [severity, options].
  "rules": {}
}
`;
}
