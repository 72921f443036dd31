// `hindsight init`: writes hindsight.config.jsonc with `$schema` into the working folder, asks
// nothing when stdin is not a terminal (as here: the CLI runs with a pipe), asks the preset and
// the content folder at a terminal (askSettings, driven here through streams), and never
// replaces a configuration without --force.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { askSettings } from '../../src/cli/init.ts';
import { expectNoStackTrace, expectOneParagraph, hindsight, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The JSONC file's value, comments dropped (the CLI's own reading is checked with --print-config). */
function readJsonc(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;
}

async function configFileOf(root: string): Promise<string | null> {
  const run = await hindsight(['lint', '--print-config', 'postmortems/x.md'], root);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { configFile: string | null }).configFile;
}

describe.concurrent('hindsight init', () => {
  it('without a terminal, writes the defaults with $schema at the installed package, and says what to do next', async () => {
    const root = project({});
    const run = await hindsight(['init'], root);
    expectNoStackTrace(run.stderr);
    expect(run.code).toBe(0);
    const file = path.join(root, 'hindsight.config.jsonc');
    expect(readJsonc(file)).toEqual({
      $schema: './node_modules/hindsight-postmortems/schema/config.schema.json',
      extends: 'recommended',
      content: 'postmortems',
      rules: {},
    });
    expect(run.stdout).toContain('Wrote hindsight.config.jsonc: the recommended preset, postmortems in postmortems/.');
    expect(run.stdout).toContain('npx hindsight new');
    // Lint reads it back: valid against the schema, found as the configuration.
    expect(await configFileOf(root)).toBe(file);
  });

  it('$schema names the file the package ships', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; files: string[] };
    expect(pkg.name).toBe('hindsight-postmortems');
    expect(pkg.files).toContain('schema/');
    expect(readFileSync(path.join(REPO, 'schema', 'config.schema.json'), 'utf8')).toContain('"title": "Hindsight configuration"');
  });

  it("points $schema at a workspace's node_modules above the working folder", async () => {
    const root = project({ 'node_modules/hindsight-postmortems/schema/config.schema.json': '{}', 'packages/ops/README.md': '# ops\n' });
    const run = await hindsight(['init', '--preset', 'strict', '--content', 'docs/incidents/'], path.join(root, 'packages', 'ops'));
    expect(run.code).toBe(0);
    expect(readJsonc(path.join(root, 'packages/ops/hindsight.config.jsonc'))).toMatchObject({
      $schema: '../../node_modules/hindsight-postmortems/schema/config.schema.json',
      extends: 'strict',
      content: 'docs/incidents',
    });
  });

  it('refuses to replace a configuration (exit code 2, the file unchanged) unless --force', async () => {
    const root = project({ '.hindsightrc.json': '{"extends": "alx"}' });
    const refused = await hindsight(['init'], root);
    expect(refused.code).toBe(2);
    expectOneParagraph(refused.stderr);
    expect(refused.stderr).toContain('.hindsightrc.json already configures Hindsight here: edit it, or run `hindsight init --force` to replace it.');
    expect(readFileSync(path.join(root, '.hindsightrc.json'), 'utf8')).toBe('{"extends": "alx"}');
    const forced = await hindsight(['init', '--force'], root);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('.hindsightrc.json no longer applies here');
    expect(await configFileOf(root)).toBe(path.join(root, 'hindsight.config.jsonc'));
    // Its own file again: --force replaces it.
    const again = await hindsight(['init', '--force', '--preset', 'google-sre'], root);
    expect(again.code).toBe(0);
    expect(readJsonc(path.join(root, 'hindsight.config.jsonc')).extends).toBe('google-sre');
  });

  it("with --force over package.json's hindsight key, says the key (not the file) no longer applies", async () => {
    const pkg = '{"name": "ops", "hindsight": {"extends": "strict"}}';
    const root = project({ 'package.json': pkg });
    const refused = await hindsight(['init'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('package.json already configures Hindsight here');
    const forced = await hindsight(['init', '--force'], root);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('The "hindsight" key of package.json no longer applies here');
    expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe(pkg);
  });

  it('refuses even with --force when a hindsight.config.json would still be read first', async () => {
    const root = project({ 'hindsight.config.json': '{}' });
    const run = await hindsight(['init', '--force'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hindsight.config.json would still apply instead of a new hindsight.config.jsonc');
  });

  it('a folder named like the file it writes is exit code 2 with one line, not a crash', async () => {
    const root = project({});
    mkdirSync(path.join(root, 'hindsight.config.jsonc'));
    const run = await hindsight(['init', '--force'], root);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toContain(`Cannot write ${path.join(root, 'hindsight.config.jsonc')}: a folder has that name. Nothing was written.`);
  });

  it('an unknown preset or an empty folder is a usage error', async () => {
    const root = project({});
    const [preset, content] = await Promise.all([hindsight(['init', '--preset', 'loose'], root), hindsight(['init', '--content', ' '], root)]);
    expect(preset.code).toBe(2);
    expect(preset.stderr).toContain("argument 'loose' is invalid");
    expect(content.code).toBe(2);
    expect(content.stderr).toContain('--content takes a folder');
  });
});

/** Answers each question askSettings writes with the next answer; the prompts it wrote. */
function answering(answers: (string | null)[]): { input: PassThrough; output: PassThrough; prompts: string[] } {
  const input = new PassThrough();
  const output = new PassThrough();
  const prompts: string[] = [];
  output.setEncoding('utf8').on('data', (text: string) => {
    prompts.push(text);
    if (!text.endsWith(': ')) return;
    const next = answers.shift();
    if (next === null || next === undefined) input.end();
    else input.write(`${next}\n`);
  });
  return { input, output, prompts };
}

describe('hindsight init at a terminal (askSettings)', () => {
  it('asks the preset again after an unknown one, then the folder', async () => {
    const { input, output, prompts } = answering(['lax', 'strict', 'docs/incidents/']);
    await expect(askSettings(input, output, { preset: null, content: null })).resolves.toEqual({ preset: 'strict', content: 'docs/incidents' });
    expect(prompts).toEqual([
      'Preset (recommended, strict, google-sre, alx) [recommended]: ',
      '"lax" is not a preset.\n',
      'Preset (recommended, strict, google-sre, alx) [recommended]: ',
      'Folder of postmortems [postmortems]: ',
    ]);
  });

  it('takes the defaults for empty answers, and asks only what no option gave', async () => {
    const empty = answering(['', '']);
    await expect(askSettings(empty.input, empty.output, { preset: null, content: null })).resolves.toEqual({ preset: 'recommended', content: 'postmortems' });
    const folderOnly = answering(['']);
    await expect(askSettings(folderOnly.input, folderOnly.output, { preset: 'alx', content: null })).resolves.toEqual({
      preset: 'alx',
      content: 'postmortems',
    });
    expect(folderOnly.prompts).toEqual(['Folder of postmortems [postmortems]: ']);
  });

  it('stops without an answer when the input closes (Ctrl-D)', async () => {
    const { input, output } = answering([null]);
    await expect(askSettings(input, output, { preset: null, content: null })).rejects.toThrow('hindsight init stopped: nothing was written.');
  });
});

// A folder named like the content folder exists: the next step is to lint it.
describe('hindsight init next step', () => {
  it('says to lint when the content folder exists', async () => {
    const root = project({});
    mkdirSync(path.join(root, 'postmortems'));
    writeFileSync(path.join(root, 'postmortems', '.keep'), '');
    const run = await hindsight(['init'], root);
    expect(run.stdout).toContain('Next: run `npx hindsight lint` to lint the postmortems there.');
  });
});
