// Log and terminal injection (issue 14, case 7): hostile text in every place a document, a file
// name, a configuration or a baseline can put it, through every output format and every
// command that prints. stdout and stderr are read as a GitHub Actions runner reads them
// (test/helpers/workflow-commands.ts): no workflow command may be parsed but the annotations
// Hindsight means to print, whether or not the runner honours the stopped regions (it may
// interleave the two streams). In a terminal, no control character of the input may be printed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAsRunner, type WorkflowCommand } from '../helpers/workflow-commands.ts';
import { CLEAN, CLI, ERROR, expectNoStackTrace, hindsight, parseJson, project, removeProjects, type CliResult } from './helpers.ts';

afterAll(removeProjects);

// Our own payloads: legacy and current workflow commands, a stop that would swallow the real
// annotations, and terminal sequences (clear screen, OSC 8 link, OSC 52 clipboard write, an
// overprinted fake result, bidi overrides, a C1 control sequence introducer).
const COMMANDS = '##[set-output name=pwned]yes ##[add-mask]hidden';
const TERMINAL =
  '\u001b[2J\u001b[H\u001b]8;;https://phish.invalid/\u0007open me\u001b]8;;\u0007 \u001b]52;c;cm0gLXJmIH4=\u0007\r\u2714 0 problems \u202eevil\u202c \u2066x\u2069 \u009b31m';
const HOSTILE = `${COMMANDS} ${TERMINAL}`;
const LINE_BREAKING = '\n::error file=README.md,line=1::forged\n::stop-commands::swallow\n';

/** Control characters a terminal acts on, but line feed (ours) and tab. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const document = `---
severity: "${HOSTILE.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}"
tags: ["${COMMANDS}"]
---

# Outage ${HOSTILE}

## Summary

TODO ${HOSTILE}. Ana should have checked it.

## Timeline

- ${HOSTILE}
- 09:00 ${HOSTILE}

## Root Cause

${HOSTILE}

## ${HOSTILE}

More text.
`;

const NAMES = [
  `postmortems/2024-01-02-line${LINE_BREAKING}break.md`,
  'postmortems/2024-01-03-##[set-output name=file]yes.md',
  'postmortems/2024-01-04-\u001b[2J\r\u2714 clean\u202e.md',
];

const root = project({
  'postmortems/2024-01-01-hostile.md': document,
  ...Object.fromEntries(NAMES.map((name) => [name, ERROR])),
  'baseline-gone.json': JSON.stringify({ version: 1, files: { [`gone${LINE_BREAKING}${HOSTILE}.md`]: { 'no-placeholder': { '0123456789abcdef': 1 } } } }),
  'baseline-bad.json': JSON.stringify({ version: 1, files: { [`bad${LINE_BREAKING}${HOSTILE}.md`]: { 'no-placeholder': { '0123456789abcdef': 0 } } } }),
});

/** Projects whose configuration is hostile: an unknown key, an unknown rule. */
const badKey = project({ 'hindsight.config.json': JSON.stringify({ [`content${LINE_BREAKING}${HOSTILE}`]: 'x' }), 'postmortems/a.md': CLEAN });
const badRule = project({ 'hindsight.config.json': JSON.stringify({ rules: { [`no-pii${LINE_BREAKING}${HOSTILE}`]: 'off' } }), 'postmortems/a.md': CLEAN });
const badYaml = project({ 'hindsight.config.yaml': `extends: strict\nextends: "${COMMANDS}"\n`, 'postmortems/a.md': CLEAN });

const ACTIONS = { GITHUB_ACTIONS: 'true' };
const TERMINAL_ENV = { GITHUB_ACTIONS: '' };

interface Case {
  name: string;
  cwd: string;
  args: string[];
  /** The command prints annotations on stdout: `github` format, the Action. */
  annotations?: boolean;
  /** Text that must reach the output (escaped), so the case is not vacuous. */
  shows?: RegExp;
}

const CASES: Case[] = [
  { name: 'lint (stylish)', cwd: root, args: ['lint', '--no-color'], shows: /2024-01-04-\\x1b\[2J\\r\u2714 clean\\u202e\.md/ },
  { name: 'lint (stylish, one file)', cwd: root, args: ['lint', '--no-color', 'postmortems/2024-01-01-hostile.md'], shows: /#\u200b#\[set-output/ },
  { name: 'lint --format json', cwd: root, args: ['lint', '--format', 'json'], shows: /##\\u005bset-output/ },
  { name: 'lint --format sarif', cwd: root, args: ['lint', '--format', 'sarif'], shows: /##\\u005bset-output/ },
  { name: 'lint --format github', cwd: root, args: ['lint', '--format', 'github'], annotations: true, shows: /set-output name=pwned/ },
  { name: 'lint --quiet --timing', cwd: root, args: ['lint', '--quiet', '--timing', '--no-color'] },
  { name: 'lint --baseline (gone entries)', cwd: root, args: ['lint', '--no-color', '--baseline', 'baseline-gone.json'], shows: /gone\\n:\u200b?:error/ },
  { name: 'lint --baseline (malformed)', cwd: root, args: ['lint', '--baseline', 'baseline-bad.json'], shows: /bad\\n/ },
  { name: 'inspect (text)', cwd: root, args: ['inspect', 'postmortems/2024-01-01-hostile.md'], shows: /\\x1b\]8;;https:\/\/phish\.invalid/ },
  { name: 'inspect --format json', cwd: root, args: ['inspect', 'postmortems/2024-01-01-hostile.md', '--format', 'json'], shows: /##\\u005bset-output/ },
  { name: 'inspect of a hostile file name', cwd: root, args: ['inspect', NAMES[0]!], shows: /line\\n/ },
  { name: 'a configuration key', cwd: badKey, args: ['lint'], shows: /unknown key "content\\n/ },
  { name: 'a configuration rule name', cwd: badRule, args: ['lint'], shows: /no-pii\\n/ },
  { name: 'a YAML configuration', cwd: badYaml, args: ['lint'] },
  { name: 'a usage error quoting the argument', cwd: root, args: ['lint', '--format', `x${LINE_BREAKING}${COMMANDS}`] },
  { name: 'a missing file named with commands', cwd: root, args: ['lint', `none${LINE_BREAKING}${HOSTILE}.md`], shows: /none\\n/ },
  { name: 'new with a hostile title', cwd: project({ 'postmortems/.keep': '' }), args: ['new', `Outage ${HOSTILE}`] },
  { name: 'the Action, summary on stderr', cwd: root, args: ['github-action'], annotations: true, shows: /`.*#\u200b#\[set-output/ },
];

/** The findings `--format json` reports for the same project, to tell the annotations meant. */
async function findingsOf(cwd: string): Promise<{ file: string; ruleId: string }[]> {
  const run = await hindsight(['lint', '--format', 'json'], cwd, TERMINAL_ENV);
  return parseJson(run.stdout).flatMap((r) => r.messages.map((m) => ({ file: path.relative(cwd, r.filePath), ruleId: m.ruleId ?? 'fatal' })));
}

/** The runner's own unescaping of a property value. */
function unescapeProperty(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

function annotationOf(command: WorkflowCommand): { file: string; ruleId: string } {
  const properties = Object.fromEntries(
    command.properties.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), unescapeProperty(pair.slice(pair.indexOf('=') + 1))]),
  );
  return { file: properties.file ?? '', ruleId: properties.title ?? '' };
}

function expectOnlyIntended(stream: string, run: CliResult, intended: { file: string; ruleId: string }[] | null): void {
  for (const honourStop of [true, false]) {
    const reading = readAsRunner(stream, { honourStop });
    expect(reading.open, 'every stopped region is closed').toBeNull();
    if (intended === null) {
      expect(
        reading.commands.map((c) => c.line),
        `${honourStop ? '' : 'without the stopped regions: '}no workflow command`,
      ).toEqual([]);
    } else {
      expect(
        reading.commands.every((c) => c.name === 'error' || c.name === 'warning' || (c.name === 'notice' && c.properties === 'title=Hindsight')),
        JSON.stringify(reading.commands.map((c) => c.line)),
      ).toBe(true);
      const annotations = reading.commands.filter((c) => c.name !== 'notice').map(annotationOf);
      expect(annotations.sort(byFileAndRule)).toEqual([...intended].sort(byFileAndRule));
    }
    for (const token of reading.stops) expect(token, "only Hindsight's own random tokens").toMatch(/^hindsight-[0-9a-f]{32}$/);
  }
  expectNoStackTrace(run.stderr);
}

function byFileAndRule(a: { file: string; ruleId: string }, b: { file: string; ruleId: string }): number {
  return a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId);
}

describe.concurrent('hostile text through every output', () => {
  it('is what the cases say: the files exist under their hostile names', () => {
    for (const name of NAMES) expect(readFileSync(path.join(root, name), 'utf8')).toBe(ERROR);
  });

  for (const c of CASES) {
    it(`${c.name}: under GitHub Actions, the runner parses no command but the intended annotations`, async () => {
      const run = await hindsight(c.args, c.cwd, ACTIONS);
      const intended = c.annotations ? await findingsOf(c.cwd) : null;
      if (intended) expect(intended.length).toBeGreaterThan(NAMES.length);
      expectOnlyIntended(run.stdout, run, intended);
      expectOnlyIntended(run.stderr, run, null);
      if (c.shows) expect(`${run.stdout}${run.stderr}`).toMatch(c.shows);
      const stdout = c.annotations ? run.stdout.replace(/file=[^,]*,/g, 'file=…,') : run.stdout;
      if (!c.args.includes('json') && !c.args.includes('sarif')) expect(`${stdout}${run.stderr}`).not.toMatch(TERMINAL_CONTROLS);
    });

    it(`${c.name}: in a terminal, no control character of the input is printed`, async () => {
      const run = await hindsight(c.args, c.cwd, TERMINAL_ENV);
      expect(run.stderr).not.toMatch(TERMINAL_CONTROLS);
      // Annotations name the file exactly as it is, for GitHub to find it: that one property is left as written.
      const stdout = c.annotations ? run.stdout.replace(/file=[^,]*,/g, 'file=…,') : run.stdout;
      if (!c.args.includes('json') && !c.args.includes('sarif')) expect(stdout).not.toMatch(TERMINAL_CONTROLS);
      expect(`${run.stdout}${run.stderr}`, 'no stopped region outside Actions').not.toMatch(/::stop-commands::hindsight-/);
      expectNoStackTrace(run.stderr);
    });
  }

  it('JSON and SARIF stay JSON with the same values under GitHub Actions', async () => {
    for (const format of ['json', 'sarif']) {
      const [plain, actions] = await Promise.all([
        hindsight(['lint', '--format', format], root, TERMINAL_ENV),
        hindsight(['lint', '--format', format], root, ACTIONS),
      ]);
      expect(plain.stdout).toContain('##[set-output');
      expect(actions.stdout).not.toContain('##[');
      expect(JSON.parse(actions.stdout)).toEqual(JSON.parse(plain.stdout));
    }
  });

  it("colours are Hindsight's own: with --color, only its SGR sequences remain", async () => {
    const run = await hindsight(['lint', '--color'], root, TERMINAL_ENV);
    expect(run.stdout).toMatch(/\u001b\[3[13]m/);
    expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(TERMINAL_CONTROLS);
  });

  it('output redirected to a file is not wrapped, and still escaped', async () => {
    const dir = project({});
    const out = path.join(dir, 'report.txt');
    execFileSync('bash', ['-c', `"${process.execPath}" "${CLI}" lint --no-color > "${out}" || true`], {
      cwd: root,
      env: { ...process.env, GITHUB_ACTIONS: 'true' },
    });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/::stop-commands::hindsight-/);
    expect(text).toContain('2024-01-04-\\x1b[2J\\r');
    expect(text).not.toMatch(TERMINAL_CONTROLS);
  });
});
