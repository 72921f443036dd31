// The hook's hot path and the distribution: which code bin/hindsight.js runs (src/ or the
// bundled lib/), that both give the same answers, that a one-file lint loads nothing it
// does not need, that the one argument parser reads every form of a command line, and that
// the configuration's partial schema behaves as the full one it replaces.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine, type Invocation } from '../../src/cli/args.ts';
import { PROGRAM } from '../../src/cli/main.ts';
import { describeErrors, validateConfig } from '../../src/lint/config/load.ts';
import { configSchema } from '../../src/lint/config/schema.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { BIN, ROOT, goodPostmortem, outOfOrderPostmortem, systemPath, tempDir, write } from './helpers.ts';

const NODE24 = process.execPath;
/** A Node older than 22.18 (no type stripping) on the system PATH, as on CI machines and runners. */
const OLD_NODE = (() => {
  for (const dir of systemPath().split(path.delimiter)) {
    const node = path.join(dir, 'node');
    if (!dir || !existsSync(node)) continue;
    const v = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const [major = 0, minor = 0] = v.split('.').map(Number);
    return major >= 20 && (major < 22 || (major === 22 && minor < 18)) ? node : null;
  }
  return null;
})();

function hindsight(node: string, bin: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('HINDSIGHT_')) clean[k] = v;
  return spawnSync(node, [bin, ...args], { cwd, encoding: 'utf8', env: { ...clean, ...env } });
}

/** Builds lib/ with scripts/build-lib.ts into `dir`, next to copies of what the package ships. */
function layout(dir: string, withSources: boolean, builtLib: string | null): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const item of ['bin', 'package.json', 'templates', 'schema', ...(withSources ? ['src', 'rules'] : [])]) {
    cpSync(path.join(ROOT, item), path.join(dir, item), { recursive: true });
  }
  if (builtLib) {
    cpSync(builtLib, path.join(dir, 'lib'), { recursive: true });
  } else {
    const built = spawnSync(NODE24, [path.join(ROOT, 'scripts', 'build-lib.ts'), '--outdir', path.join(dir, 'lib')], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`scripts/build-lib.ts: ${built.stdout}${built.stderr}`);
  }
  return path.join(dir, 'bin', 'hindsight.js');
}

describe('distribution: src/ in a checkout, lib/ when installed', () => {
  // Installed: under node_modules, whose packages resolve from this checkout's node_modules.
  const base = path.join(ROOT, 'node_modules', '.cache', 'hindsight-test', `startup-${process.pid}`);
  const installedBin = path.join(base, 'node_modules', 'hindsight-postmortems', 'bin', 'hindsight.js');
  // A checkout with both src/ and lib/, outside node_modules (test-output/ is ignored by git).
  const checkout = path.join(ROOT, 'test-output', `checkout-${process.pid}`);
  const checkoutBin = path.join(checkout, 'bin', 'hindsight.js');
  const files = tempDir('startup');
  let good = '';
  let bad = '';

  beforeAll(() => {
    const installed = path.dirname(path.dirname(installedBin));
    layout(installed, false, null);
    layout(checkout, true, path.join(installed, 'lib'));
    good = write(files.dir, 'postmortems/2024-05-21-good.md', goodPostmortem('GOOD-1'));
    bad = write(files.dir, 'postmortems/2025-06-01-bad.md', outOfOrderPostmortem('BAD-1').text);
  });
  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
    rmSync(checkout, { recursive: true, force: true });
    files.remove();
  });

  it('the bundled build lints exactly as the sources, on Node 24 and on the system Node', () => {
    const reference = hindsight(NODE24, BIN, ['lint', '--format', 'json', good, bad], files.dir);
    expect(reference.status).toBe(1);
    const runs = [hindsight(NODE24, installedBin, ['lint', '--format', 'json', good, bad], files.dir)];
    if (OLD_NODE) runs.push(hindsight(OLD_NODE, installedBin, ['lint', '--format', 'json', good, bad], files.dir));
    for (const r of runs) {
      expect(r.stderr, 'no warnings (JSON modules) on stderr').toBe('');
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(reference.stdout));
    }
  });

  it('the bundled build lints every sample and public postmortem exactly as the sources (and in worker threads)', () => {
    // The bundle is the sources and their packages joined by esbuild, with the rule list and
    // the schema validators settled at build time: any difference shows on real documents.
    // The public corpus (≥ 200 files) is linted in worker threads, the bundle's lib/worker.js.
    const corpus = path.join(ROOT, '..', 'shared', 'corpus', 'public');
    const targets = [path.join(ROOT, 'postmortems'), ...(existsSync(corpus) ? [corpus] : [])];
    for (const target of targets) {
      const reference = hindsight(NODE24, BIN, ['lint', '--format', 'json', target], ROOT);
      const bundled = hindsight(NODE24, installedBin, ['lint', '--format', 'json', target], ROOT);
      expect(bundled.stderr, target).toBe(reference.stderr);
      expect(bundled.status, target).toBe(reference.status);
      expect(bundled.stdout, target).toBe(reference.stdout);
    }
  });

  it("the bundle's one-file lint loads a few files of lib/: no ajv (precompiled schemas), no glob library, no other command or format, not the Action", () => {
    const log = path.join(files.dir, 'bundle-modules.txt');
    const builtinLog = path.join(files.dir, 'bundle-builtins.txt');
    const hook = write(
      files.dir,
      'record-bundle.mjs',
      `import { registerHooks } from 'node:module';\nimport { appendFileSync, writeFileSync } from 'node:fs';\nregisterHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); } });\n` +
        `process.on('exit', () => writeFileSync(${JSON.stringify(builtinLog)}, process.moduleLoadList.join('\\n')));\n`,
    );
    // Twice: the second run is a hook's usual one, with the archive index and compile cache kept.
    for (let run = 0; run < 2; run++) {
      rmSync(log, { force: true });
      const r = spawnSync(NODE24, ['--import', hook, installedBin, 'lint', good], { cwd: files.dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
    const loaded = readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url && !url.startsWith('node:'));
    const lib = path.join(path.dirname(path.dirname(installedBin)), 'lib');
    expect(loaded.some((url) => url.endsWith('/lib/hindsight.js'))).toBe(true);
    // The bundle's own files (a package's lib/ folder, such as picomatch's, is not one of them).
    expect(loaded.filter((url) => url.startsWith(pathToFileURL(`${lib}/`).href)).length).toBeLessThan(25);
    const unwanted = loaded.filter(
      (url) =>
        /\/node_modules\/(ajv|ajv-formats|commander|piscina|tinyglobby|fdir|picomatch)\//.test(url) ||
        /\/lib\/(new|inspect|rules|sarif|json|github|pool|baseline|main)-\w+\.js$/.test(url),
    );
    expect(unwanted).toEqual([]);
    // Node's own modules: an ES import of node:util reads its lazy exports, which load
    // worker_threads; node:crypto is needed only to hash a file that changed.
    const builtins = readFileSync(builtinLog, 'utf8').split('\n');
    expect(builtins).toContain('NativeModule internal/util/parse_args/parse_args');
    expect(builtins.filter((name) => /^NativeModule (worker_threads|internal\/worker|crypto|internal\/crypto\/.*)$/.test(name))).toEqual([]);
    // The Action's code is a chunk of its own, loaded by `hindsight github-action` only.
    const actionChunks = readdirSync(lib).filter((name) => name.endsWith('.js') && readFileSync(path.join(lib, name), 'utf8').includes('GITHUB_STEP_SUMMARY'));
    expect(actionChunks.length).toBeGreaterThan(0);
    expect(loaded.filter((url) => actionChunks.some((name) => url.endsWith(`/lib/${name}`)))).toEqual([]);
  });

  it('the bundle validates a configuration file as the sources do (with its precompiled validator)', () => {
    const configs = [
      { rules: { 'word-count': ['warn', { min: 10 }] }, timezone: 'UTC' },
      { rules: { 'word-count': ['warn', { min: 'ten' }], 'no-such-rule': 'error' }, overrides: [{ files: ['x/**'], rules: { timezone: 'loud' } }] },
    ];
    try {
      for (const config of configs) {
        writeFileSync(path.join(files.dir, 'hindsight.config.json'), JSON.stringify(config));
        const reference = hindsight(NODE24, BIN, ['lint', '--format', 'json', good], files.dir);
        const bundled = hindsight(NODE24, installedBin, ['lint', '--format', 'json', good], files.dir);
        expect(bundled.status, bundled.stderr).toBe(reference.status);
        expect(bundled.stderr).toBe(reference.stderr);
        expect(bundled.stdout).toBe(reference.stdout);
      }
      expect(hindsight(NODE24, installedBin, ['lint', good], files.dir).stderr).toMatch(
        /Invalid configuration in .*hindsight\.config\.json: .*word-count.*must be integer/,
      );
    } finally {
      rmSync(path.join(files.dir, 'hindsight.config.json'), { force: true });
    }
  });

  it("the bundle's rules (rules/ as it was built): the same catalogue", () => {
    const reference = hindsight(NODE24, BIN, ['rules', '--format', 'json'], files.dir);
    const compiled = hindsight(OLD_NODE ?? NODE24, installedBin, ['rules', '--format', 'json'], files.dir);
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(reference.stdout));
    expect(hindsight(OLD_NODE ?? NODE24, installedBin, ['--version'], files.dir).stdout.trim()).toBe(
      (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
  });

  it('bin/hindsight.js picks src/ or lib/ as documented', () => {
    // Mark each entry point in the copy so the run says which one it took.
    const libMain = path.join(checkout, 'lib', 'hindsight.js');
    const srcMain = path.join(checkout, 'src', 'cli', 'main.ts');
    writeFileSync(libMain, `process.stderr.write('[lib]');\n${readFileSync(libMain, 'utf8')}`);
    writeFileSync(srcMain, `process.stderr.write('[src]');\n${readFileSync(srcMain, 'utf8')}`);
    const entry = (node: string, env: Record<string, string> = {}): string =>
      /\[(src|lib)\]/.exec(hindsight(node, checkoutBin, ['lint', good], files.dir, env).stderr)?.[1] ?? 'none';
    const touchTree = (dir: string, time: Date): void => {
      for (const item of readdirSync(dir, { withFileTypes: true, recursive: true })) utimesSync(path.join(item.parentPath, item.name), time, time);
    };
    const older = new Date(Date.now() - 3_600_000);
    const newer = new Date();

    // Node 24 in a checkout: the sources, always.
    expect(entry(NODE24)).toBe('src');
    expect(entry(NODE24, { HINDSIGHT_FROM: 'lib' })).toBe('lib');
    // Installed: the compiled build, whatever the Node.
    expect(/\[src\]/.test(hindsight(NODE24, installedBin, ['lint', good], files.dir).stderr)).toBe(false);
    if (!OLD_NODE) return;
    // An old Node in a checkout: lib/ while it is as new as its sources (src/, rules/, schema/)…
    touchTree(path.join(checkout, 'src'), older);
    touchTree(path.join(checkout, 'rules'), older);
    touchTree(path.join(checkout, 'lib'), newer);
    expect(entry(OLD_NODE)).toBe('lib');
    // …and the sources under the pinned Node 24 once a source is newer than the build.
    const rule = path.join(checkout, 'rules', 'timeline-order.ts');
    utimesSync(rule, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    expect(entry(OLD_NODE)).toBe('src');
    // …or once a source was added (or removed) since the build, whatever its time.
    utimesSync(rule, older, older);
    expect(entry(OLD_NODE)).toBe('lib');
    const added = write(checkout, 'src/cli/added.ts', 'export const added = 1;\n');
    utimesSync(added, older, older);
    expect(entry(OLD_NODE)).toBe('src');
    // Without a build at all: the sources under the pinned Node 24.
    rmSync(path.join(checkout, 'lib'), { recursive: true, force: true });
    expect(entry(OLD_NODE)).toBe('src');
  });

  it("turns on Node's compile cache (type-stripped sources and code cache kept on disk)", () => {
    const cache = path.join(files.dir, 'compile-cache');
    const r = hindsight(NODE24, BIN, ['lint', good], files.dir, { NODE_COMPILE_CACHE: cache });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(0);
  });
});

describe('one-file lint loads only what it needs', () => {
  it('no commander, no Astro or site code, no other formatter, no worker pool, no YAML parser for plain frontmatter', () => {
    const temp = tempDir('modules');
    try {
      const log = path.join(temp.dir, 'modules.txt');
      const hook = write(
        temp.dir,
        'record.mjs',
        `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\nregisterHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); } });\n`,
      );
      const file = write(temp.dir, 'postmortems/2024-05-21-good.md', goodPostmortem());
      const r = spawnSync(NODE24, ['--import', hook, BIN, 'lint', file], { cwd: temp.dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      expect(loaded.some((url) => url.endsWith('/src/cli/main.ts'))).toBe(true);
      expect(loaded.some((url) => url.endsWith('/src/report/stylish.ts'))).toBe(true);
      const unwanted = loaded.filter((url) =>
        /\/node_modules\/(commander|astro|@astrojs|piscina|vite|unified|remark-parse|yaml|tinyglobby|fdir|picomatch)\/|\/src\/site\/|\/src\/action\/|\/src\/cli\/new\.ts|\/src\/report\/(sarif|json|github|rule-docs|rule-table)\.ts|\/src\/lint\/pool\.ts/.test(
          url,
        ),
      );
      expect(unwanted).toEqual([]);
    } finally {
      temp.remove();
    }
  });
});

describe('one argument parser (node:util parseArgs) for every command line', () => {
  const run = (argv: string[]): { command: string; args: string[]; options: Record<string, unknown> } => {
    const invocation: Invocation = parseCommandLine(PROGRAM, argv);
    if (invocation.kind !== 'run') throw new Error(`not a run: ${invocation.kind}`);
    return { command: invocation.command.name, args: invocation.args, options: invocation.options };
  };
  const problem = (argv: string[]): string => {
    try {
      parseCommandLine(PROGRAM, argv);
    } catch (error) {
      return (error as Error).message;
    }
    return 'no error';
  };

  it("reads the hook's plain call, paths and flags", () => {
    expect(run(['lint', 'a.md', 'b.md'])).toEqual({ command: 'lint', args: ['a.md', 'b.md'], options: { format: 'stylish' } });
    expect(run(['lint', '-f', 'json', '--config', 'h.json', '--fix', '-q', '--no-color', 'a.md']).options).toEqual({
      format: 'json',
      config: 'h.json',
      fix: true,
      quiet: true,
      color: false,
    });
    expect(run(['lint'])).toEqual({ command: 'lint', args: [], options: { format: 'stylish' } });
  });

  it('reads the forms a hand-written parser skipped: --opt=value, short groups, --, counts', () => {
    expect(run(['lint', '--format=json', 'a.md']).options).toEqual({ format: 'json' });
    expect(run(['lint', '-qf', 'json', 'a.md'])).toEqual({ command: 'lint', args: ['a.md'], options: { format: 'json', quiet: true } });
    expect(run(['lint', '--', '-odd.md']).args).toEqual(['-odd.md']);
    expect(run(['lint', '--max-warnings', '3', '--baseline-write', 'b.json']).options).toEqual({ format: 'stylish', maxWarnings: 3, baselineWrite: 'b.json' });
    expect(run(['lint', '--no-color', '--color']).options.color).toBe(true);
    expect(run(['inspect', 'a.md', '--timezone', 'UTC'])).toEqual({ command: 'inspect', args: ['a.md'], options: { format: 'text', timezone: 'UTC' } });
    expect(run(['new', 'Title', '-t', 'x.md', '--date', '2025-01-01'])).toEqual({
      command: 'new',
      args: ['Title'],
      options: { template: 'x.md', date: '2025-01-01' },
    });
  });

  it('help and version', () => {
    expect(parseCommandLine(PROGRAM, ['--version'])).toEqual({ kind: 'version' });
    const help = (argv: string[]): string => {
      const invocation = parseCommandLine(PROGRAM, argv);
      return invocation.kind === 'help' ? invocation.text : '';
    };
    expect(help(['lint', '--help'])).toBe(help(['help', 'lint']));
    for (const command of ['inspect', 'lint', 'new', 'rules']) expect(help(['--help'])).toContain(`\n  ${command} [options]`);
    expect(help(['--help'])).not.toContain('github-action');
    expect(parseCommandLine(PROGRAM, [])).toMatchObject({ kind: 'help', toStderr: true });
  });

  it('says what is wrong with a command line', () => {
    expect(problem(['lint', '--bogus'])).toMatch(/^unknown option '--bogus' \(run `hindsight --help` for usage\)$/);
    expect(problem(['lint', '-f', 'xml'])).toContain(
      "option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github.",
    );
    expect(problem(['lint', '--config'])).toContain("option '-c, --config <file>' argument missing");
    expect(problem(['lint', '--fix=yes'])).toContain("option '--fix' does not take an argument");
    expect(problem(['lint', '--max-warnings', 'many'])).toBe('--max-warnings takes a whole number, not "many".');
    expect(problem(['frobnicate'])).toContain("unknown command 'frobnicate'");
    expect(problem(['inspect'])).toContain("missing required argument 'file'");
    expect(problem(['rules', 'extra'])).toContain("too many arguments for 'rules'. Expected 0 arguments but got 1: extra.");
  });

  it('usage mistakes end with exit code 2 and one line; findings with 1', () => {
    const temp = tempDir('args');
    try {
      const bad = write(temp.dir, 'postmortems/bad.md', outOfOrderPostmortem().text);
      const spaced = spawnSync(NODE24, [BIN, 'lint', '--format', 'json', bad], { cwd: temp.dir, encoding: 'utf8' });
      const joined = spawnSync(NODE24, [BIN, 'lint', '--format=json', bad], { cwd: temp.dir, encoding: 'utf8' });
      expect(spaced.status).toBe(1);
      expect(joined.status).toBe(1);
      expect(spaced.stdout).toBe(joined.stdout);
      const unknownFormat = spawnSync(NODE24, [BIN, 'lint', '-f', 'xml', bad], { cwd: temp.dir, encoding: 'utf8' });
      expect(unknownFormat.status).toBe(2);
      expect(unknownFormat.stderr).toMatch(/^hindsight: option .*argument 'xml' is invalid.*\n$/);
      const missing = spawnSync(NODE24, [BIN, 'lint', 'nope.md'], { cwd: temp.dir, encoding: 'utf8' });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/^hindsight: No such file or folder: nope\.md\./);
    } finally {
      temp.remove();
    }
  });
});

describe('configuration validation compiles only what the file names', () => {
  it('our configuration schema is a valid JSON Schema 2020-12 (the runtime no longer checks it)', async () => {
    const rules = await loadRules();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    expect(ajv.validateSchema(configSchema(rules)), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('reports what the full schema reports', async () => {
    const rules = await loadRules();
    const full = new Ajv2020({ allErrors: true, strict: false }).compile(configSchema(rules));
    const configs: unknown[] = [
      { rules: { 'no-such-rule': 'error' } },
      { rules: { 'word-count': ['error', { min: 'many' }] } },
      { rules: { 'timeline-order': 'loud', 'word-count': ['warn', { nope: 1 }] } },
      { rules: 'all' },
      { extends: 'google', content: '' },
      { unknown: true, rules: { 'required-sections': ['error', { sections: ['nope'] }] } },
    ];
    for (const raw of configs) {
      expect(full(raw)).toBe(false);
      const expected = `Invalid configuration in x.json: ${describeErrors(full.errors ?? [], rules, raw, '')}`;
      expect(() => validateConfig(raw, 'x.json', rules), JSON.stringify(raw)).toThrow(expected);
    }
    expect(validateConfig({ extends: 'strict', rules: { 'word-count': ['warn', { min: 10 }] } }, 'x.json', rules)).toBeTruthy();
  });
});
