// Configurations and baselines a pull request could bring (issue 14, cases 8 and 11): patterns
// that backtrack for ever, schemas nested a thousand deep, files of megabytes or of no end.
// Each gives findings or one paragraph and exit code 2, never a hang or a stack trace.
import { execFileSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, expectOneParagraph, hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

/** A value on which `^(a+)+$` backtracks 2^60 times in JavaScript's engine before it fails. */
const CATASTROPHIC = `${'a'.repeat(60)}!`;

function nested(depth: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < depth; i++) schema = { type: 'object', properties: { next: schema } };
  return schema;
}

describe.concurrent('hostile configurations through the process', () => {
  it('a frontmatterSchema pattern that backtracks exponentially runs in linear time and reports the value', async () => {
    const root = project({
      'hindsight.config.json': JSON.stringify({ frontmatterSchema: { properties: { team: { type: 'string', pattern: '^(a+)+$' } } } }),
      'postmortems/a.md': CLEAN.replace('severity: SEV2', `severity: SEV2\nteam: ${CATASTROPHIC}`),
      'postmortems/b.md': CLEAN.replace('severity: SEV2', `severity: SEV2\nteam: ${'a'.repeat(60)}`),
    });
    const run = await hindsight(['lint', '--format', 'json'], root);
    expect(run.code, run.stderr).toBe(1);
    const [a, b] = parseJson(run.stdout);
    expect(a!.messages.map((m) => m.ruleId)).toEqual(['frontmatter-schema']);
    expect(a!.messages[0]!.message).toContain('team');
    expect(b!.messages).toEqual([]);
  });

  it('patternProperties and an allow list entry run on the same engine', async () => {
    const root = project({
      'hindsight.config.json': JSON.stringify({
        frontmatterSchema: { patternProperties: { '^(x+)+$': { type: 'number' } } },
        rules: { 'no-secrets': ['error', { allow: ['/^(a+)+$/'] }] },
      }),
      'postmortems/a.md': CLEAN.replace('severity: SEV2', `severity: SEV2\n${'x'.repeat(60)}: text`),
    });
    const run = await hindsight(['lint', '--format', 'json'], root);
    expect(run.code, run.stderr).toBe(1);
    expect(parseJson(run.stdout)[0]!.messages.map((m) => m.ruleId)).toEqual(['frontmatter-schema']);
  });

  it('an allow list pattern that backtracks exponentially on a token secretlint finds: linear, and the token is still reported', async () => {
    // A made-up token in the GitHub format: 40 characters on which `^(\w+)+!$` fails only after 2^40 steps natively.
    const token = ['ghp', 'R8x2Kq9ZtL4mN7pV1cW6yB3dF5gH0jS2aQ8e'].join('_');
    const root = project({
      'hindsight.config.json': JSON.stringify({ rules: { 'no-secrets': ['error', { allow: ['/^(\\w+)+!$/'] }] } }),
      'postmortems/a.md': CLEAN.replace('A full disk on the primary stopped writes.', `A full disk on the primary stopped writes. The deploy used ${token}.`),
    });
    const run = await hindsight(['lint', '--format', 'json'], root);
    expect(run.code, run.stderr).toBe(1);
    expect(parseJson(run.stdout)[0]!.messages.map((m) => m.ruleId)).toEqual(['no-secrets']);
  });

  it.each([
    [
      'a frontmatterSchema pattern with lookahead',
      { frontmatterSchema: { properties: { team: { type: 'string', pattern: '^(?=a)a+$' } } } },
      /at \/frontmatterSchema: the pattern "\^\(\?=a\)a\+\$" cannot be run by the linear-time engine.*lookahead and backreferences are not supported\./,
    ],
    [
      'an allow list entry with a backreference',
      { rules: { 'no-secrets': ['error', { allow: ['/(a)\\1/'] }] } },
      /at \/rules\/no-secrets\/1\/allow\/0: the pattern "\(a\)\\\\1" cannot be run by the linear-time engine/,
    ],
    [
      'a frontmatterSchema nested 1,000 deep',
      { frontmatterSchema: nested(1000) },
      /at \/frontmatterSchema(\/properties\/next)+(\/properties)?: nested more than 64 levels deep/,
    ],
    ['a configuration nested 1,000 deep elsewhere', { overrides: [{ when: nested(1000) }] }, /nested more than 64 levels deep/],
  ])('%s: exit code 2 and one paragraph', async (_name, config, message) => {
    const root = project({ 'hindsight.config.json': JSON.stringify(config), 'postmortems/a.md': CLEAN });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toMatch(/^hindsight: Invalid configuration in /);
    expect(run.stderr).toMatch(message);
  });

  it('a YAML configuration nested past what its parser can recurse: exit code 2 and one paragraph', async () => {
    const root = project({ 'hindsight.config.yaml': `frontmatterSchema: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, 'postmortems/a.md': CLEAN });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toMatch(/^hindsight: Invalid (configuration|YAML) in /);
  });

  it('a 10 MB configuration is refused unread: exit code 2 and one paragraph', async () => {
    const root = project({ 'postmortems/a.md': CLEAN });
    writeFileSync(path.join(root, 'hindsight.config.json'), JSON.stringify({ extends: 'recommended', ignore: ['x'.repeat(10 * 1024 * 1024)] }));
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toBe(`hindsight: Cannot read configuration ${path.join(root, 'hindsight.config.json')}: it is larger than 1 MB.\n`);
  });

  it.each([
    ['a link to /dev/zero', (file: string) => symlinkSync('/dev/zero', file)],
    ['a named pipe nobody writes to', (file: string) => void execFileSync('mkfifo', [file])],
  ])('a configuration that is %s: exit code 2, not a hang', async (_name, make) => {
    const root = project({ 'postmortems/a.md': CLEAN });
    make(path.join(root, 'hindsight.config.json'));
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `hindsight: Cannot read configuration ${path.join(root, 'hindsight.config.json')}: it is not a regular file (a device, a pipe or a socket).\n`,
    );
  });

  it('a baseline past 32 MB, or a link to /dev/zero: exit code 2 and one paragraph', async () => {
    const root = project({ 'postmortems/a.md': CLEAN });
    writeFileSync(path.join(root, 'huge.json'), '');
    truncateSync(path.join(root, 'huge.json'), 40 * 1024 * 1024);
    symlinkSync('/dev/zero', path.join(root, 'zero.json'));
    const huge = await hindsight(['lint', '--baseline', 'huge.json'], root);
    expect(huge.code).toBe(2);
    expectOneParagraph(huge.stderr);
    expect(huge.stderr).toContain('huge.json: it is larger than 32 MB');
    const zero = await hindsight(['lint', '--baseline', 'zero.json'], root);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('zero.json: it is not a regular file');
  });
});
