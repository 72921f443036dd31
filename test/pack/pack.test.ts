// The package as users get it: `npm pack` (which builds lib/ through `prepare`), the tarball
// installed into a fresh project from the npm cache, and the command, the library and the
// remark plugin run there, under the machine's own Node (20 on the project's machines) and
// under the Node 24 this repository pins. The sources are packed from a copy of the checkout,
// so that the build does not rewrite the lib/ other tests run.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_PLACE, OUT_OF_ORDER } from '../api/postmortem.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PINNED_NODE = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
/** Never copied into the packed checkout: installs, builds and outputs. */
const NOT_SOURCES = new Set(['node_modules', '.git', 'lib', 'dist', '.astro', 'test-output']);

/** The first `node` on PATH outside any node_modules (npm puts the pinned one first for its scripts). */
function systemNode(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.split(path.sep).includes('node_modules')) continue;
    const candidate = path.join(dir, 'node');
    try {
      accessSync(candidate, constants.X_OK);
      if (realpathSync(candidate) !== realpathSync(PINNED_NODE)) return candidate;
    } catch {}
  }
  return null;
}

/** This environment less npm's script variables, with `node` (and so npx's Node) from `nodeBin` first on PATH. */
function envWith(nodeBin: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== 'NODE_OPTIONS' && key !== 'INIT_CWD') env[key] = value;
  const rest = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir && !dir.split(path.sep).includes('node_modules'));
  env.PATH = [path.dirname(nodeBin), ...rest].join(path.delimiter);
  env.NO_COLOR = '1';
  return env;
}

function run(command: string, args: string[], cwd: string, nodeBin: string, input?: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: envWith(nodeBin), encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
}

function sizeOf(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) bytes += sizeOf(full);
    else if (entry.isFile()) bytes += statSync(full).size;
  }
  return bytes;
}

let temp = '';
let project = '';
let installed: { bytes: number; packages: string[] } = { bytes: 0, packages: [] };

beforeAll(() => {
  temp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-pack-')));
  const checkout = path.join(temp, 'checkout');
  cpSync(ROOT, checkout, {
    recursive: true,
    filter: (source) => path.relative(ROOT, source).split(path.sep)[0] === '' || !NOT_SOURCES.has(path.relative(ROOT, source).split(path.sep)[0]!),
  });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
  const packed = run('npm', ['pack', '--json', '--pack-destination', temp], checkout, PINNED_NODE);
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stdout}${packed.stderr}`);
  const tarball = path.join(temp, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);

  project = path.join(temp, 'project');
  mkdirSync(path.join(project, 'postmortems'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'team-postmortems', private: true, type: 'module' }));
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], project, PINNED_NODE);
  if (install.status !== 0) throw new Error(`npm install ${tarball} failed: ${install.stdout}${install.stderr}`);
  // Every package folder npm installed (optional ones for other platforms are not there).
  const listed = execFileSync('npm', ['ls', '--all', '--parseable'], { cwd: project, env: envWith(PINNED_NODE), encoding: 'utf8' });
  const names = new Set(
    listed
      .split('\n')
      .filter((line) => line.includes(`${path.sep}node_modules${path.sep}`))
      .map((line) => line.slice(line.lastIndexOf(`node_modules${path.sep}`) + 'node_modules/'.length)),
  );
  installed = { bytes: sizeOf(path.join(project, 'node_modules')), packages: [...names].sort() };
  process.stdout.write(`installed: ${installed.packages.length} packages, ${installed.bytes} bytes of node_modules\n`);

  writeFileSync(path.join(project, 'postmortems', '2025-02-03-payments.md'), OUT_OF_ORDER);
  // A frontmatterSchema with a pattern and a format: loads ajv, ajv-formats and re2js from node_modules.
  writeFileSync(
    path.join(project, 'hindsight.config.json'),
    JSON.stringify({ frontmatterSchema: { properties: { team: { type: 'string', pattern: '^[a-z-]+$' }, reviewed: { type: 'string', format: 'date' } } } }),
  );
});

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the installed package', () => {
  it('is small: under 10 MB and 15 packages, the package itself included', () => {
    expect(installed.packages).toContain('hindsight-postmortems');
    expect(installed.packages.length).toBeLessThan(15);
    expect(installed.bytes).toBeLessThan(10 * 1024 * 1024);
  });

  it('ships its licence, types and built library, and no sources or tests', () => {
    const pkg = path.join(project, 'node_modules', 'hindsight-postmortems');
    for (const file of [
      'LICENSE',
      'README.md',
      'bin/hindsight.js',
      'lib/hindsight.js',
      'lib/api/index.js',
      'lib/api/index.d.ts',
      'lib/api/remark.js',
      'lib/api/remark.d.ts',
      'schema/config.schema.json',
    ]) {
      expect(existsSync(path.join(pkg, file)), file).toBe(true);
    }
    for (const folder of ['src', 'test', 'rules', 'docs']) expect(existsSync(path.join(pkg, folder)), folder).toBe(false);
  });

  it("type-checks a program that uses the library's and the plugin's types", () => {
    writeFileSync(
      path.join(project, 'check.ts'),
      [
        "import { lintText, loadConfig, type LintResult } from 'hindsight-postmortems';",
        "import remarkHindsight from 'hindsight-postmortems/remark';",
        'const config = await loadConfig({ filePath: "postmortems/a.md" });',
        'const result: LintResult = await lintText("# A", { config, fix: true });',
        'const line: number = result.messages[0]!.line;',
        'const transformer = remarkHindsight({ now: new Date() });',
        'export { line, transformer };',
        '// @ts-expect-error: severity is 1 or 2',
        'const wrong: LintResult["messages"][number]["severity"] = 3;',
        'export { wrong };',
      ].join('\n'),
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ['check.ts'],
      }),
    );
    const tsc = run(PINNED_NODE, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], project, PINNED_NODE);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

const nodes: [label: string, bin: string | null][] = [
  ['the system Node', systemNode()],
  ['the pinned Node 24', PINNED_NODE],
];

for (const [label, nodeBin] of nodes) {
  describe.skipIf(nodeBin === null)(`run under ${label}`, () => {
    const node = nodeBin!;

    it('is the Node it says', () => {
      const version = run(node, ['--version'], project, node).stdout.trim();
      expect(version).toMatch(label.includes('24') ? /^v24\./ : /^v\d+\./);
      expect(Number(version.slice(1).split('.')[0])).toBeGreaterThanOrEqual(20);
    });

    it('`npx hindsight lint` reports the out-of-order entry and a frontmatter pattern, and exits with 1', () => {
      writeFileSync(path.join(project, 'postmortems', 'custom.md'), OUT_OF_ORDER.replace('severity: sev2', 'severity: SEV2\nteam: Payments'));
      try {
        const result = run('npx', ['--no-install', 'hindsight', 'lint', '--format', 'json'], project, node);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(1);
        const results = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[];
        const payments = results.find((r) => r.filePath.endsWith('2025-02-03-payments.md'));
        const custom = results.find((r) => r.filePath.endsWith('custom.md'));
        expect(payments!.messages.find((m) => m.ruleId === 'timeline-order')).toMatchObject({ line: ORDER_PLACE.start.line, column: ORDER_PLACE.start.column });
        expect(custom!.messages.find((m) => m.ruleId === 'frontmatter-schema')?.message).toContain('^[a-z-]+$');
      } finally {
        rmSync(path.join(project, 'postmortems', 'custom.md'));
      }
    });

    it('`npx hindsight new` writes a draft into the content folder and prints its path', () => {
      const result = run('npx', ['--no-install', 'hindsight', 'new', `Disk full ${label}`], project, node);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const written = path.resolve(project, result.stdout.trim());
      try {
        expect(path.dirname(written)).toBe(path.join(project, 'postmortems'));
        expect(readFileSync(written, 'utf8')).toContain('Disk full');
      } finally {
        rmSync(written, { force: true });
      }
    });

    it('`npx hindsight new` then `lint`: a fresh draft has warnings only, each saying what to fill in', () => {
      const made = run('npx', ['--no-install', 'hindsight', 'new', `Queue backlog ${label}`], project, node);
      expect(made.status).toBe(0);
      const written = path.resolve(project, made.stdout.trim());
      try {
        const result = run('npx', ['--no-install', 'hindsight', 'lint', '--format', 'json', path.relative(project, written)], project, node);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const [draft] = JSON.parse(result.stdout) as { errorCount: number; warningCount: number; messages: { severity: number; message: string }[] }[];
        expect(draft!.errorCount).toBe(0);
        expect(draft!.warningCount).toBeGreaterThan(0);
        for (const m of draft!.messages) expect(m.severity).toBe(1);
      } finally {
        rmSync(written, { force: true });
      }
    });

    it('`npx hindsight lint --stdin --stdin-filename` lints piped text under that name', () => {
      const result = run(
        'npx',
        ['--no-install', 'hindsight', 'lint', '--stdin', '--stdin-filename', 'postmortems/piped.md', '--format', 'json'],
        project,
        node,
        OUT_OF_ORDER,
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const [piped] = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
      expect(piped!.filePath).toBe(path.join(project, 'postmortems', 'piped.md'));
      expect(piped!.messages.find((m) => m.ruleId === 'timeline-order')).toMatchObject({ line: ORDER_PLACE.start.line, column: ORDER_PLACE.start.column });
      expect(existsSync(path.join(project, 'postmortems', 'piped.md'))).toBe(false);
    });

    it('`npx hindsight init` writes a configuration whose $schema is the installed schema, and --print-config reads it', () => {
      const team = path.join(project, `team-${label.replace(/\W+/g, '-')}`);
      mkdirSync(team, { recursive: true });
      try {
        const result = run('npx', ['--no-install', 'hindsight', 'init'], team, node, '');
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const written = readFileSync(path.join(team, 'hindsight.config.jsonc'), 'utf8');
        const schema = /"\$schema":\s*"([^"]+)"/.exec(written)?.[1];
        expect(schema).toBeDefined();
        expect(existsSync(path.resolve(team, schema!))).toBe(true);
        const printed = run('npx', ['--no-install', 'hindsight', 'lint', '--print-config', 'postmortems/a.md'], team, node);
        expect(printed.status).toBe(0);
        expect(printed.stdout).toContain(path.join(team, 'hindsight.config.jsonc'));
        const again = run('npx', ['--no-install', 'hindsight', 'init'], team, node, '');
        expect(again.status).toBe(2);
      } finally {
        rmSync(team, { recursive: true, force: true });
      }
    });

    it('`npx hindsight inspect` prints the model', () => {
      const result = run('npx', ['--no-install', 'hindsight', 'inspect', 'postmortems/2025-02-03-payments.md', '--format', 'json'], project, node);
      expect(result.status).toBe(0);
      const model = JSON.parse(result.stdout) as { timeline: { line: number; time: string }[] };
      expect(model.timeline.map((e) => e.line)).toEqual([12, 13, 14, 15]);
      expect(model.timeline[2]!.time).toBe('2025-02-03T14:05:00Z');
    });

    it('the library: lintText, lintFiles, inspectText and loadConfig', () => {
      const script = `
        import { lintText, lintFiles, inspectText, loadConfig, ConfigError } from 'hindsight-postmortems';
        import { readFileSync } from 'node:fs';
        const text = readFileSync('postmortems/2025-02-03-payments.md', 'utf8');
        const config = await loadConfig({ filePath: 'postmortems/2025-02-03-payments.md' });
        const fromText = await lintText(text, { config, filePath: 'postmortems/2025-02-03-payments.md', fix: true });
        const fromFiles = await lintFiles(['postmortems/']);
        const model = await inspectText(text);
        console.log(JSON.stringify({ node: process.version, config: config.file, configError: typeof ConfigError, fromText, fromFiles, title: model.title }));
      `;
      const result = run(node, ['--input-type=module', '-e', script], project, node);
      expect(result.stderr).toBe('');
      const out = JSON.parse(result.stdout) as {
        node: string;
        config: string;
        configError: string;
        fromText: { messages: { ruleId: string }[]; output: string };
        fromFiles: { messages: { ruleId: string }[] }[];
        title: string;
      };
      expect(out.node).toBe(run(node, ['--version'], project, node).stdout.trim());
      expect(out.config).toBe(path.join(project, 'hindsight.config.json'));
      expect(out.configError).toBe('function');
      expect(out.fromText.messages.map((m) => m.ruleId)).toContain('timeline-order');
      expect(out.fromText.output).toContain('severity: SEV2');
      expect(out.fromFiles[0]!.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['frontmatter-schema', 'timeline-order']));
      expect(out.title).toBe('Payments API returned errors');
    });

    it('the remark plugin, in a remark pipeline', () => {
      // remark itself from this checkout: the project installs only Hindsight.
      const remarkUrl = new URL('../../node_modules/remark/index.js', import.meta.url).href;
      const script = `
        import { remark } from ${JSON.stringify(remarkUrl)};
        import remarkHindsight from 'hindsight-postmortems/remark';
        import { readFileSync } from 'node:fs';
        const file = await remark().use(remarkHindsight).process({ path: 'postmortems/2025-02-03-payments.md', cwd: process.cwd(), value: readFileSync('postmortems/2025-02-03-payments.md') });
        console.log(JSON.stringify(file.messages.map((m) => ({ ruleId: m.ruleId, source: m.source, fatal: m.fatal, place: m.place }))));
      `;
      const result = run(node, ['--input-type=module', '-e', script], project, node);
      expect(result.stderr).toBe('');
      const messages = JSON.parse(result.stdout) as { ruleId: string; source: string; fatal: boolean; place: unknown }[];
      expect(messages.find((m) => m.ruleId === 'timeline-order')).toEqual({ ruleId: 'timeline-order', source: 'hindsight', fatal: true, place: ORDER_PLACE });
    });
  });
}
