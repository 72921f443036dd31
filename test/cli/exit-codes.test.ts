// Exit codes of `hindsight lint` through the real process: 0 clean or warnings only, 1 errors
// or too many warnings, 2 when the run itself fails, with one paragraph on stderr that names
// the file, the JSON path and what was expected, and never a stack trace. (Every other kind
// of invalid configuration and its message: test/lint/config.test.ts, in process.)
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, WARN, expectNoStackTrace, expectOneParagraph, hindsight, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

describe.concurrent('lint exit codes 0 and 1', () => {
  const root = project({
    'postmortems/clean.md': CLEAN,
    'postmortems/warn.md': WARN,
    'postmortems/error.md': ERROR,
  });

  it('0 for a clean file, and prints nothing', async () => {
    const run = await hindsight(['lint', 'postmortems/clean.md'], root);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('0 for warnings only', async () => {
    const run = await hindsight(['lint', 'postmortems/warn.md'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('blameless-language');
    expect(run.stdout).toContain('(0 errors, 1 warning)');
    expectNoStackTrace(run.stderr);
  });

  it('1 for an error, and for the whole content folder holding one', async () => {
    const one = await hindsight(['lint', 'postmortems/error.md'], root);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('timeline-order');
    const all = await hindsight(['lint'], root);
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('(1 error, 1 warning)');
    expectNoStackTrace(one.stderr + all.stderr);
  });

  it('1 when the warnings are more than --max-warnings, 0 when they are not', async () => {
    const over = await hindsight(['lint', 'postmortems/warn.md', '--max-warnings', '0'], root);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('--max-warnings 0');
    expectOneParagraph(over.stderr);
    const equal = await hindsight(['lint', 'postmortems/warn.md', '--max-warnings', '1'], root);
    expect(equal.code).toBe(0);
  });

  it('--quiet leaves warnings out of the report', async () => {
    const run = await hindsight(['lint', '--quiet'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('timeline-order');
    expect(run.stdout).not.toContain('blameless-language');
    expect(run.stdout).toContain('(1 error, 0 warnings)');
  });
});

describe.concurrent('lint exit code 2: how it was called', () => {
  const root = project({ 'postmortems/clean.md': CLEAN });

  it.each([
    ['an unknown flag', ['lint', '--bogus'], /unknown option '--bogus'/],
    ['an unknown format', ['lint', '--format', 'xml'], /xml.*stylish, json, sarif, github/],
    ['a --max-warnings that is not a count', ['lint', '--max-warnings', 'many'], /--max-warnings takes a whole number, not "many"/],
    ['a path that does not exist', ['lint', 'postmortems/missing.md'], /No such file or folder: postmortems\/missing\.md/],
    ['a glob matching nothing', ['lint', 'postmortems/20*.md'], /No files match the pattern postmortems\/20\*\.md/],
    ['--config naming a missing file', ['lint', '--config', 'other.json'], /configuration .*other\.json: no such file/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
  ])('%s', async (_name, args, message) => {
    const run = await hindsight(args, root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expectOneParagraph(run.stderr);
  });

  it('a content folder that does not exist', async () => {
    const empty = project({ 'hindsight.config.json': '{"content": "docs/incidents"}' });
    const run = await hindsight(['lint'], empty);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${empty}/docs/incidents does not exist`);
    expectOneParagraph(run.stderr);
  });
});

describe.concurrent('lint exit code 2: an invalid configuration', () => {
  it.each([
    ['JSON syntax', 'hindsight.config.json', '{\n  "rules": {\n', [/Invalid JSON/, /line 3 column 1/]],
    ['YAML syntax', 'hindsight.config.yaml', 'extends: recommended\nrules: [a\n', [/Invalid YAML/, /hindsight\.config\.yaml:\d+:\d+: Flow sequence/]],
    ['a value of the wrong type (schema violation)', '.hindsightrc.json', '{"content": 5}', [/at \/content: must be string/]],
    [
      'an unknown rule',
      'hindsight.config.json',
      '{"rules": {"no-such-rule": "warn"}}',
      [/at \/rules\/no-such-rule: unknown rule "no-such-rule"/, /known: action-item-overdue, action-items, /],
    ],
    [
      'a bad rule option',
      'hindsight.config.json',
      '{"rules": {"action-items": ["error", {"requireOwner": "yes"}]}}',
      [/at \/rules\/action-items\/1\/requireOwner: must be boolean/],
    ],
    ['an unknown preset', 'hindsight.config.json', '{"extends": "airbnb"}', [/at \/extends: must be one of "recommended", "strict", "google-sre", "alx"/]],
    ['the hindsight key of package.json', 'package.json', '{"name": "x", "hindsight": {"extends": 5}}', [/at \/hindsight\/extends: must be one of/]],
  ] as const)('%s', async (_name, file, text, messages) => {
    const root = project({ [file]: text, 'postmortems/clean.md': CLEAN });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${root}/${file}`);
    for (const message of messages) expect(run.stderr).toMatch(message);
    expectOneParagraph(run.stderr);
  });

  it('also when the invalid file is given with --config', async () => {
    const root = project({ 'configs/team.json': '{"rules": {"timeline-order": ["error", {"x": 1}]}}', 'postmortems/clean.md': CLEAN });
    const run = await hindsight(['lint', '--config', 'configs/team.json'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${root}/configs/team.json`);
    expect(run.stderr).toMatch(/at \/rules\/timeline-order\/1/);
    expectOneParagraph(run.stderr);
  });
});
