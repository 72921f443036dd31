// `hindsight lint --rule 'id: severity'`: settings over the configuration and its overrides;
// an unknown rule, severity or option is a usage error that names what is close.
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, WARN, expectOneParagraph, hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

const severities = (stdout: string): [string | null, number][] =>
  parseJson(stdout).flatMap((r) => r.messages.map((m): [string | null, number] => [m.ruleId, m.severity]));

describe('lint --rule', () => {
  it("sets a rule's severity over the configuration's, in both forms, repeatable", async () => {
    const cwd = project({
      'postmortems/a.md': ERROR,
      'postmortems/b.md': WARN,
      'hindsight.config.json': JSON.stringify({ rules: { 'blameless-language': 'error' } }),
    });
    expect((await hindsight(['lint'], cwd)).code).toBe(1);
    const run = await hindsight(['lint', '-f', 'json', '--rule', 'timeline-order: off', '--rule', '{"blameless-language": "warn"}'], cwd);
    expect(run.code).toBe(0);
    expect(severities(run.stdout)).toEqual([['blameless-language', 1]]);
    const numbers = await hindsight(['lint', '-f', 'json', '--rule', 'timeline-order:1', '--rule', 'blameless-language: 0'], cwd);
    expect(severities(numbers.stdout)).toEqual([['timeline-order', 1]]);
  });

  it('wins over an override that applies to the file', async () => {
    const config = { overrides: [{ files: ['postmortems/**'], rules: { 'blameless-language': 'error' } }] };
    const cwd = project({ 'postmortems/b.md': WARN, 'hindsight.config.json': JSON.stringify(config) });
    expect(severities((await hindsight(['lint', '-f', 'json'], cwd)).stdout)).toEqual([['blameless-language', 2]]);
    expect(severities((await hindsight(['lint', '-f', 'json', '--rule', 'blameless-language: warn'], cwd)).stdout)).toEqual([['blameless-language', 1]]);
  });

  it("takes options as [severity, {options}], checked against the rule's schema", async () => {
    const cwd = project({ 'postmortems/a.md': CLEAN });
    const run = await hindsight(['lint', '-f', 'json', '--rule', 'blameless-language: [error, {"extraWords": ["full disk"]}]'], cwd);
    expect(run.code).toBe(1);
    expect(severities(run.stdout)).toEqual([['blameless-language', 2]]);
    const bad = await hindsight(['lint', '--rule', 'blameless-language: [error, {"bogus": true}]'], cwd);
    expect(bad.code).toBe(2);
    expectOneParagraph(bad.stderr);
    expect(bad.stderr).toContain('bogus');
  });

  it('applies to --stdin, and a --cache run with other flags does not answer from the cache', async () => {
    const cwd = project({ 'postmortems/a.md': ERROR });
    const { hindsightWithInput } = await import('./stdin-helper.ts');
    const piped = await hindsightWithInput(['lint', '--stdin', '-f', 'json', '--rule', 'timeline-order: warn'], cwd, ERROR);
    expect(severities(piped.stdout)).toEqual([['timeline-order', 1]]);

    expect(severities((await hindsight(['lint', '-f', 'json', '--cache'], cwd)).stdout)).toEqual([['timeline-order', 2]]);
    expect(severities((await hindsight(['lint', '-f', 'json', '--cache', '--rule', 'timeline-order: warn'], cwd)).stdout)).toEqual([['timeline-order', 1]]);
    expect(severities((await hindsight(['lint', '-f', 'json', '--cache'], cwd)).stdout)).toEqual([['timeline-order', 2]]);
  });

  it.each([
    ['timline-ordr: off', 'there is no rule "timline-ordr" (did you mean "timeline-order"?)'],
    ['timeline: off', 'there is no rule "timeline" (did you mean "timeline-in-window" or "timeline-order" or "timeline-timestamp"'],
    ['no-pii: warning', '"warning" is not a severity (did you mean "warn"?); use off, warn or error'],
    ['no-pii', 'expected a rule id, a colon and a severity'],
    ['no-pii: [warn, {oops', 'the options are not valid JSON'],
  ])('--rule %j is exit code 2 before anything is linted: %s', async (value, says) => {
    const cwd = project({ 'postmortems/b.md': WARN });
    const run = await hindsight(['lint', '--rule', value], cwd);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expectOneParagraph(run.stderr);
    expect(run.stderr).toContain(says);
  });
});
