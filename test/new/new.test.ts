// `hindsight new "Title"`: the file it writes, what lint says about it (only what a person
// must fill in, each finding naming what), the options, and refusing to overwrite.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { fillTemplate, slugify, yamlString } from '../../src/cli/new.ts';
import { BIN, docSnippet, initRepo, tempDir, write } from '../hooks/helpers.ts';

interface JsonResult {
  messages: { ruleId: string; severity: number; message: string; line: number }[];
}

const temp = tempDir('new');
afterAll(() => temp.remove());
let repoCount = 0;

function repo(config?: object): string {
  const dir = path.join(temp.dir, `repo-${++repoCount}`);
  initRepo(dir);
  if (config) write(dir, 'hindsight.config.json', JSON.stringify(config));
  return dir;
}

function hindsight(cwd: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

function lint(cwd: string, file: string): JsonResult['messages'] {
  const r = hindsight(cwd, ['lint', '--format', 'json', file]);
  expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
  return (JSON.parse(r.stdout) as JsonResult[])[0]!.messages;
}

/** A local date, `days` from today. Fresh drafts are dated near today: `publish-lag` reports old drafts. */
function day(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const today = (): string => day(0);
const TODAY = day(0);

describe('hindsight new', () => {
  it('writes the example of docs/usage.md into the content folder and prints its path', () => {
    const dir = repo();
    const snippet = docSnippet('docs/usage.md', 'new');
    expect(snippet).toMatch(/^npx hindsight new "[^"]+"\n$/);
    // `npx hindsight …` as written, with this checkout's bin standing in for the installed one.
    const r = spawnSync('bash', ['-c', `npx() { shift; "${process.execPath}" "${BIN}" "$@"; }\n${snippet}`], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const expected = `postmortems/${today()}-checkout-errors-after-the-database-failover.md`;
    expect(r.stdout).toBe(`${expected}\n`);
    const text = readFileSync(path.join(dir, expected), 'utf8');
    const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
    expect(frontmatter).toEqual({
      id: `${today()}-checkout-errors-after-the-database-failover`,
      title: 'Checkout errors after the database failover',
      date: today(),
      severity: null,
      status: 'draft',
      authors: ['Ana Silva'],
      timezone: 'UTC',
      incident_start: null,
      incident_end: null,
    });
    expect(text).toContain('\n# Checkout errors after the database failover\n');
    expect(text).toContain('| Time (UTC) | Event |');
    for (const heading of [
      'Summary',
      'Impact',
      'Timeline',
      'Detection',
      'Root Cause',
      'Resolution',
      'Corrective and Preventative Measures',
      'Lessons Learned',
    ]) {
      expect(text).toMatch(new RegExp(`\\n## ${heading}\\n\\n<!-- `));
    }
    expect(text).not.toMatch(/\{\{/);
  });

  it('a fresh postmortem is a draft: lint exits 0, warning only about what a person must fill in, and each warning says what', () => {
    const dir = repo();
    const file = hindsight(dir, ['new', 'Checkout errors']).stdout.trim();
    const run = hindsight(dir, ['lint', file]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const findings = lint(dir, file);
    expect(findings.every((m) => m.severity === 1)).toBe(true);
    // The exact set: rule and line. Each message names what to fill in (the words checked
    // here); the rest of a message belongs to its rule and may be reworded there.
    const expected: [string, number, string[]][] = [
      ['frontmatter-schema', 5, ['severity is empty: fill in', 'SEV1, SEV2, SEV3, SEV4, SEV5']],
      ['frontmatter-schema', 9, ['incident_start is empty: fill in', 'a date and time such as']],
      ['frontmatter-schema', 10, ['incident_end is empty: fill in', 'a date and time such as']],
      ['empty-section', 18, ['"Summary" section is empty', 'write what happened, when, and who was affected']],
      ['incident-window', 18, ['neither when the incident started nor when it ended', 'Start:', 'End:', 'incident_start', 'incident_end']],
      ['empty-section', 24, ['"Impact" section is empty', 'write what users saw']],
      ['timeline-timestamp', 36, ['"[describe the first sign of trouble]"', 'has no time', 'Give this entry a time']],
      ['empty-section', 38, ['"Detection" section is empty', 'write how and when the problem was noticed']],
      ['empty-section', 42, ['"Root Cause" section is empty', 'write why it happened']],
      ['empty-section', 46, ['"Resolution" section is empty', 'write how service was restored']],
      ['empty-section', 50, ['"Corrective and Preventative Measures" section is empty', 'list the changes that will keep it from happening again']],
      ['empty-section', 55, ['"Lessons Learned" section is empty', 'write what went well, what went wrong and where you got lucky']],
    ];
    expect(findings.map((m) => [m.ruleId, m.line])).toEqual(expected.map(([ruleId, line]) => [ruleId, line]));
    const text = readFileSync(path.join(dir, file), 'utf8').split('\n');
    findings.forEach((m, i) => {
      for (const words of expected[i]![2]) expect(m.message, `${m.ruleId} on line ${m.line}`).toContain(words);
      // …and stands where that thing is: the key, the section's heading, the timeline row.
      const at = text[m.line - 1]!;
      if (m.ruleId === 'frontmatter-schema') expect(m.message.startsWith(`${at.replace(/:.*$/, '')} `)).toBe(true);
      if (m.ruleId === 'empty-section') expect(m.message).toContain(`"${at.replace(/^## /, '')}"`);
      if (m.ruleId === 'timeline-timestamp') expect(at).toContain('[describe the first sign of trouble]');
    });
  });

  it('filled in, it passes', () => {
    const dir = repo();
    // Yesterday: its times are past, and the draft is young.
    const date = day(-1);
    const file = hindsight(dir, ['new', 'Checkout errors', '--date', date, '--severity', 'sev2']).stdout.trim();
    const path_ = path.join(dir, file);
    const filled = readFileSync(path_, 'utf8')
      .replace('incident_start:\n', `incident_start: ${date}T11:48:00Z\n`)
      .replace('incident_end:\n', `incident_end: ${date}T12:40:00Z\n`)
      .replace(
        /(## Summary\n\n<!--[\s\S]*?-->\n)/,
        '$1\nCheckout failed for 18% of orders for 52 minutes after a release held database connections during a slow remote call.\n',
      )
      .replace(/(## Impact\n\n<!--[\s\S]*?-->\n)/, '$1\n4,870 failed checkout attempts from 2,950 customers.\n')
      .replace('|  | [describe the first sign of trouble] |', '| 11:48 | The first pool timeouts. |\n| 12:40 | Error rate back at baseline. |')
      .replace(/(## Detection\n\n<!--[\s\S]*?-->\n)/, '$1\nThe error-rate alert paged the on-call at 11:53.\n')
      .replace(/(## Root Cause\n\n<!--[\s\S]*?-->\n)/, '$1\nA remote call inside a database transaction held connections while the remote service was slow.\n')
      .replace(/(## Resolution\n\n<!--[\s\S]*?-->\n)/, '$1\nRolling back the release.\n')
      .replace(
        /(## Corrective and Preventative Measures\n\n<!--[\s\S]*?-->\n)/,
        `$1\n- [ ] Move the lookup out of the transaction. Owner: @ana · Ticket: OPS-1 · Due: ${day(30)}\n`,
      )
      .replace(/(## Lessons Learned\n\n<!--[\s\S]*?-->\n)/, '$1\nA timeout of 30 seconds protects nothing.\n');
    write(dir, file, filled);
    expect(lint(dir, file)).toEqual([]);
  });

  it('refuses to overwrite an existing file (exit 2)', () => {
    const dir = repo();
    const first = hindsight(dir, ['new', 'Search outage']);
    expect(first.status).toBe(0);
    const before = readFileSync(path.join(dir, first.stdout.trim()), 'utf8');
    const again = hindsight(dir, ['new', 'Search outage']);
    expect(again.status).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(`hindsight: postmortems/${TODAY}-search-outage.md already exists: edit it, or choose another title or --date.\n`);
    expect(readFileSync(path.join(dir, first.stdout.trim()), 'utf8')).toBe(before);
  });

  it('uses the configured content folder, zone and preset', () => {
    const dir = repo({ content: 'docs/incidents', timezone: 'Europe/Berlin', extends: 'google-sre' });
    const r = hindsight(dir, ['new', 'Payments retry storm', '--severity', 'SEV1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`docs/incidents/${TODAY}-payments-retry-storm.md\n`);
    const text = readFileSync(path.join(dir, r.stdout.trim()), 'utf8');
    expect(text).toContain('timezone: Europe/Berlin\n');
    expect(text).toContain('severity: SEV1\n');
    expect(text).toContain('| Time (Europe/Berlin) | Event |');
    expect(text.indexOf('## Action Items')).toBeLessThan(text.indexOf('## Timeline'));
    const rules = new Set(lint(dir, r.stdout.trim()).map((m) => m.ruleId));
    expect([...rules].sort()).toEqual(['empty-section', 'frontmatter-schema', 'incident-window', 'timeline-timestamp']);
  });

  it.each(['recommended', 'strict', 'google-sre', 'alx'])("the %s preset's template is a draft with fill-in warnings only", (preset) => {
    const dir = repo({ extends: preset });
    const file = hindsight(dir, ['new', 'Checkout errors']).stdout.trim();
    expect(readFileSync(path.join(dir, file), 'utf8')).toMatch(/^---\n[\s\S]*\nstatus: draft\n[\s\S]*\n---\n/);
    expect(hindsight(dir, ['lint', file]).status).toBe(0);
    const findings = lint(dir, file);
    const fillIns = new Set(['frontmatter-schema', 'empty-section', 'incident-window', 'timeline-timestamp', 'word-count']);
    expect(findings.filter((m) => !fillIns.has(m.ruleId) || m.severity !== 1)).toEqual([]);
    expect(findings.some((m) => m.ruleId === 'empty-section')).toBe(true);
    // Every warning tells the writer what to do, none only what is wrong.
    for (const m of findings) expect(m.message, m.ruleId).toMatch(/\b(?:fill in|write|give|list|say more)\b/i);
    expect(findings.map((m) => m.message).join('\n')).not.toContain('found null');
  });

  it("--template FILE: the team's own template, its variables filled in", () => {
    const dir = repo();
    write(
      dir,
      'our-template.md',
      '---\nid: {{id}}\ntitle: {{title}}\nauthors: {{authors}}\nteam: {{team}}\n---\n\n# {{ title }}\n\nWritten by {{authors}} on {{date}}.\n',
    );
    const r = hindsight(dir, ['new', 'DNS: the TTL cut-over', '--template', 'our-template.md', '--date', '2025-01-21']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, r.stdout.trim()), 'utf8')).toBe(
      '---\nid: 2025-01-21-dns-the-ttl-cut-over\ntitle: "DNS: the TTL cut-over"\nauthors: [Ana Silva]\nteam: {{team}}\n---\n\n# DNS: the TTL cut-over\n\nWritten by Ana Silva on 2025-01-21.\n',
    );
    const missing = hindsight(dir, ['new', 'X', '--template', 'nope.md']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`hindsight: cannot read the template ${path.join(dir, 'nope.md')}: no such file.\n`);
  });

  it('authors fall back to the login name outside git', () => {
    const dir = path.join(temp.dir, 'no-git');
    write(dir, 'README.md', '# Not a git repository\n');
    const r = hindsight(dir, ['new', 'Outage', '--date', '2025-01-01'], {
      USER: 'oncall-bot',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CEILING_DIRECTORIES: temp.dir,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'postmortems', '2025-01-01-outage.md'), 'utf8')).toContain('\nauthors: [oncall-bot]\n');
  });

  it('rejects bad options and an empty title with exit 2', () => {
    const dir = repo();
    expect(hindsight(dir, ['new', 'X', '--date', '2025-13-45']).stderr).toBe('hindsight: --date takes a date written YYYY-MM-DD, not "2025-13-45".\n');
    expect(hindsight(dir, ['new', 'X', '--severity', 'P1']).stderr).toBe('hindsight: --severity takes SEV1 (worst) to SEV5, not "P1".\n');
    const empty = hindsight(dir, ['new', '  ']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('new needs a title');
    expect(existsSync(path.join(dir, 'postmortems'))).toBe(false);
  });
});

describe('new: names and YAML', () => {
  it('slugs', () => {
    expect(slugify('Checkout errors after the DB failover!')).toBe('checkout-errors-after-the-db-failover');
    expect(slugify('Überlastung: Zahlungen & Co.')).toBe('uberlastung-zahlungen-co');
    expect(slugify('支付中断')).toBe('postmortem');
    expect(slugify('a'.repeat(80))).toBe('a'.repeat(60));
    expect(slugify('one two three four five six seven eight nine ten eleven twelve thirteen')).toBe('one-two-three-four-five-six-seven-eight-nine-ten-eleven');
  });

  it('writes YAML that reads back as the same string', () => {
    for (const value of [
      'Checkout errors',
      'DNS: the TTL cut-over',
      'yes',
      'null',
      '+03:00',
      '2025-06-01',
      '2025-06-01-slug',
      '#1 outage',
      'a "quoted" word',
      'trailing ',
      'Europe/Berlin',
      "O'Brien",
      '100% down',
      '@ana',
    ]) {
      expect(parseYaml(`key: ${yamlString(value)}`), value).toEqual({ key: value });
    }
  });

  it('fills variables as YAML in the frontmatter and as text in the body', () => {
    const values = { title: 'A: b', id: 'x', date: '2025-01-01', severity: '', authors: ['Ana', 'Li Wei'], timezone: '+03:00', slug: 'a-b' };
    expect(
      fillTemplate(
        '---\ntitle: {{title}}\nauthors: {{authors}}\nseverity: {{severity}}\n# e.g. {{timezone}}\n---\n{{title}} by {{authors}} ({{timezone}}) {{nope}}\n',
        values,
      ),
    ).toBe('---\ntitle: "A: b"\nauthors: [Ana, Li Wei]\nseverity:\n# e.g. +03:00\n---\nA: b by Ana, Li Wei (+03:00) {{nope}}\n');
  });
});
