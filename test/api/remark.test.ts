// The remark plugin (src/remark.ts): Hindsight's findings as the vfile messages remark-cli
// prints and remark-language-server turns into diagnostics.
import path from 'node:path';
import { remark } from 'remark';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.ts';
import remarkHindsight from '../../src/remark.ts';
import { NOW, ORDER_PLACE, OUT_OF_ORDER, temporaryFolders } from './postmortem.ts';

const folder = temporaryFolders('hindsight-remark-');

async function messagesOf(value: string | Uint8Array, cwd: string, filePath = 'postmortems/payments.md') {
  const file = await remark().use(remarkHindsight, { now: NOW }).process({ value, cwd, path: filePath });
  return file.messages;
}

describe('the remark plugin', () => {
  it('reports each finding as a vfile message with its place, rule id, source and severity', async () => {
    const messages = await messagesOf(OUT_OF_ORDER, folder({}));
    const order = messages.find((m) => m.ruleId === 'timeline-order')!;
    expect(order.source).toBe('hindsight');
    expect(order.place).toEqual(ORDER_PLACE);
    expect(order.reason).toContain('14:05 UTC');
    // An error is fatal (remark-cli fails, editors show an error), as remark-lint marks a rule set to "error".
    expect(order.fatal).toBe(true);
    expect(order.url).toMatch(/docs\/rules\/timeline-order\.md$/);
  });

  it("gives a rule's fix as the replacement of the message's whole place, which editors offer as a quick fix", async () => {
    const messages = await messagesOf(OUT_OF_ORDER, folder({}));
    const severity = messages.find((m) => m.ruleId === 'frontmatter-schema')!;
    expect(severity.place).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 15 } });
    expect(severity.expected).toEqual(['severity: SEV2']);
    expect((severity as { fix?: unknown }).fix).toEqual({ range: [OUT_OF_ORDER.indexOf('sev2'), OUT_OF_ORDER.indexOf('sev2') + 4], text: 'SEV2' });
    expect(messages.find((m) => m.ruleId === 'timeline-order')!.expected).toBeUndefined();
  });

  it('reports what lintText reports for the same text and path', async () => {
    const cwd = folder({});
    const messages = await messagesOf(OUT_OF_ORDER, cwd);
    const result = await lintText(OUT_OF_ORDER, { cwd, filePath: 'postmortems/payments.md', now: NOW });
    expect(messages.map((m) => [m.ruleId, m.place, m.reason, m.fatal])).toEqual(
      result.messages.map((m) => [
        m.ruleId,
        { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } },
        m.message,
        m.severity === 2,
      ]),
    );
  });

  it("lints the vfile's own text (an editor's unsaved one), not the file on disk, and reads bytes as UTF-8", async () => {
    const inOrder = OUT_OF_ORDER.replace('14:05', '14:25');
    const cwd = folder({ 'postmortems/payments.md': inOrder });
    expect((await messagesOf(OUT_OF_ORDER, cwd)).some((m) => m.ruleId === 'timeline-order')).toBe(true);
    expect((await messagesOf(inOrder, cwd)).some((m) => m.ruleId === 'timeline-order')).toBe(false);
    const bytes = await messagesOf(new TextEncoder().encode(OUT_OF_ORDER), cwd);
    expect(bytes.find((m) => m.ruleId === 'timeline-order')?.place).toEqual(ORDER_PLACE);
  });

  it("reads the configuration that applies to the vfile's path; a warning is not fatal", async () => {
    const cwd = folder({ 'team/hindsight.config.json': JSON.stringify({ rules: { 'timeline-order': 'warn' } }) });
    const inTeam = await messagesOf(OUT_OF_ORDER, cwd, 'team/postmortems/p.md');
    const elsewhere = await messagesOf(OUT_OF_ORDER, cwd, 'postmortems/p.md');
    expect(inTeam.find((m) => m.ruleId === 'timeline-order')?.fatal).toBe(false);
    expect(elsewhere.find((m) => m.ruleId === 'timeline-order')?.fatal).toBe(true);
  });

  it('leaves alone the Markdown files that are not postmortems (a README), unless told to lint every file', async () => {
    const cwd = folder({});
    expect(await messagesOf(OUT_OF_ORDER, cwd, 'README.md')).toEqual([]);
    const file = await remark().use(remarkHindsight, { now: NOW, allFiles: true }).process({ value: OUT_OF_ORDER, cwd, path: 'README.md' });
    expect(file.messages.some((m) => m.ruleId === 'timeline-order')).toBe(true);
    // Without a path (text piped in), the text is what was asked for: it is linted.
    const piped = await remark().use(remarkHindsight, { now: NOW }).process({ value: OUT_OF_ORDER, cwd });
    expect(piped.messages.some((m) => m.ruleId === 'timeline-order')).toBe(true);
  });

  it('turns an invalid configuration into one fatal message on the file, without a stack', async () => {
    const cwd = folder({ 'hindsight.config.json': '{ "rules": { "timeline-order": "loud" } }' });
    const messages = await messagesOf(OUT_OF_ORDER, cwd, 'postmortems/p.md');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'fatal', source: 'hindsight', fatal: true });
    expect(messages[0]!.reason).toContain(path.join(cwd, 'hindsight.config.json'));
    expect(messages[0]!.reason).not.toMatch(/\n\s+at /);
  });
});
