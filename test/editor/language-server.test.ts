// End to end in an editor's place: remark-language-server (the server vscode-remark and
// Neovim's remark_ls start) over stdio, in a workspace whose .remarkrc.json names the plugin
// by its package name. The package is linked into the workspace's node_modules as `npm link`
// would, with lib/ built from the current sources; the LSP messages go through vscode-jsonrpc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_PLACE, OUT_OF_ORDER } from '../api/postmortem.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER = fileURLToPath(new URL('./remark-language-server.js', import.meta.url));

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  code?: string | number;
  source?: string;
  codeDescription?: { href: string };
  data?: unknown;
}

interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

let temp = '';
let workspace = '';
let server: ChildProcess | null = null;
let connection: MessageConnection | null = null;
const published: PublishedDiagnostics[] = [];
const waiters: (() => void)[] = [];

/** The package as `npm link` leaves it: package.json, schema/, templates/ and a fresh lib/, its dependencies from this checkout. */
function linkedPackage(dir: string): string {
  const pkg = path.join(dir, 'hindsight-postmortems');
  for (const item of ['package.json', 'schema', 'templates']) cpSync(path.join(ROOT, item), path.join(pkg, item), { recursive: true });
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-lib.ts'), '--outdir', path.join(pkg, 'lib')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`scripts/build-lib.ts failed: ${built.stdout}${built.stderr}`);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
  return pkg;
}

/** The diagnostics published for version `version` of the document `uri`. */
async function diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
  for (;;) {
    const found = published.find((p) => p.uri === uri && p.version === version);
    if (found) return found.diagnostics;
    if (server?.exitCode !== null) throw new Error(`remark-language-server exited (${server?.exitCode}) before publishing diagnostics for ${uri}`);
    await new Promise<void>((resolve) => waiters.push(resolve));
  }
}

beforeAll(async () => {
  temp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-editor-')));
  workspace = path.join(temp, 'workspace');
  mkdirSync(path.join(workspace, 'node_modules'), { recursive: true });
  mkdirSync(path.join(workspace, 'postmortems'));
  symlinkSync(linkedPackage(temp), path.join(workspace, 'node_modules', 'hindsight-postmortems'), 'dir');
  writeFileSync(path.join(workspace, '.remarkrc.json'), JSON.stringify({ plugins: ['hindsight-postmortems/remark'] }));
  writeFileSync(path.join(workspace, 'hindsight.config.json'), JSON.stringify({ extends: 'recommended' }));

  server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'inherit'] });
  server.once('exit', () => {
    for (const wake of waiters.splice(0)) wake();
  });
  connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
    published.push(params);
    for (const wake of waiters.splice(0)) wake();
  });
  // The server asks for the client's settings; an editor without any answers null.
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  const uri = pathToFileURL(workspace).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'workspace' }], capabilities: {} });
  await connection.sendNotification('initialized', {});
});

afterAll(async () => {
  if (connection) {
    await connection.sendRequest('shutdown').catch(() => {});
    await connection.sendNotification('exit').catch(() => {});
    connection.dispose();
  }
  if (server && server.exitCode === null) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        server!.kill();
        resolve();
      }, 10_000);
      server!.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('remark-language-server with the plugin', () => {
  const uri = () => pathToFileURL(path.join(workspace, 'postmortems', '2025-02-03-payments.md')).href;

  it('publishes the out-of-order timeline entry as an error diagnostic where the entry stands', async () => {
    await connection!.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'markdown', version: 1, text: OUT_OF_ORDER } });
    const diagnostics = await diagnosticsFor(uri(), 1);
    const order = diagnostics.find((d) => d.code === 'timeline-order');
    expect(order, JSON.stringify(diagnostics)).toBeDefined();
    // LSP counts lines and characters from 0.
    expect(order!.range).toEqual({
      start: { line: ORDER_PLACE.start.line - 1, character: ORDER_PLACE.start.column - 1 },
      end: { line: ORDER_PLACE.end.line - 1, character: ORDER_PLACE.end.column - 1 },
    });
    expect(order!.message).toBe('14:05 UTC (line 14) is earlier than 14:20 UTC on line 13: move this entry above line 13, or correct its time.');
    expect(order!.source).toBe('hindsight');
    expect(order!.severity).toBe(1);
    expect(order!.codeDescription?.href).toMatch(/docs\/rules\/timeline-order\.md$/);
  });

  it("offers a rule's fix as a quick fix", async () => {
    const diagnostics = await diagnosticsFor(uri(), 1);
    const severity = diagnostics.find((d) => d.code === 'frontmatter-schema')!;
    expect(severity.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 'severity: sev2'.length } });
    const actions = (await connection!.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: severity.range,
      context: { diagnostics: [severity] },
    })) as { kind: string; edit: { changes: Record<string, { range: Diagnostic['range']; newText: string }[]> } }[];
    expect(actions).toHaveLength(1);
    expect(actions[0]!.kind).toBe('quickfix');
    expect(actions[0]!.edit.changes[uri()]).toEqual([{ range: severity.range, newText: 'severity: SEV2' }]);
  });

  it("reports nothing on the workspace's other Markdown files (a README is not a postmortem)", async () => {
    const readme = pathToFileURL(path.join(workspace, 'README.md')).href;
    await connection!.sendNotification('textDocument/didOpen', { textDocument: { uri: readme, languageId: 'markdown', version: 1, text: OUT_OF_ORDER } });
    expect(await diagnosticsFor(readme, 1)).toEqual([]);
  });

  it('publishes again as the text changes: the entry moved into order, the finding is gone', async () => {
    const fixed = OUT_OF_ORDER.replace('14:05 UTC', '14:25 UTC');
    await connection!.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 2 }, contentChanges: [{ text: fixed }] });
    const diagnostics = await diagnosticsFor(uri(), 2);
    expect(diagnostics.map((d) => d.code)).toEqual(['frontmatter-schema']);
  });
});
