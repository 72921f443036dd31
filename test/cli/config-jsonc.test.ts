// JSON with comments: `.hindsightrc.jsonc` and `hindsight.config.jsonc` are found and read
// with // and /* */ comments and trailing commas; a malformed one says where.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WARN, expectNoStackTrace, expectOneParagraph, hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

const COMMENTED = `{
  // The team's settings: strict, but no blame check on drafts.
  "extends": "strict",
  /* A block comment
     over two lines. */
  "rules": {
    "blameless-language": "off", // trailing comment
  },
}
`;

describe.concurrent('JSONC configuration', () => {
  it.each(['.hindsightrc.jsonc', 'hindsight.config.jsonc'])('%s is found and its comments and trailing commas are allowed', async (name) => {
    const root = project({ [name]: COMMENTED, 'postmortems/a.md': WARN });
    const run = await hindsight(['lint', '--format', 'json'], path.join(root, 'postmortems'));
    expectNoStackTrace(run.stderr);
    const messages = parseJson(run.stdout)[0]!.messages;
    // strict applies (all eight sections required) and the rule turned off stays off.
    expect(messages.some((m) => m.ruleId === 'required-sections' && m.severity === 2)).toBe(true);
    expect(messages.some((m) => m.ruleId === 'blameless-language')).toBe(false);
  });

  it('a malformed JSONC file stops the run with exit code 2 and its line and column', async () => {
    const root = project({ '.hindsightrc.jsonc': '{\n  // strict\n  "extends": "strict"\n  "content": "postmortems"\n}\n', 'postmortems/a.md': WARN });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toContain(`Invalid JSONC in ${path.join(root, '.hindsightrc.jsonc')}:4:3: comma expected.`);
  });

  it('a package.json that is not valid JSON but names a hindsight key stops the run (exit 2), not lints with the defaults', async () => {
    const root = project({ 'package.json': '{\n  "name": "team",\n  "hindsight": { "extends": "strict" },\n}\n', 'postmortems/a.md': WARN });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expectNoStackTrace(run.stderr);
    expect(run.stderr).toContain(path.join(root, 'package.json'));
  });

  it('a broken package.json with no hindsight key is not a configuration', async () => {
    const root = project({ 'package.json': '{ "name": "team", }', 'postmortems/a.md': WARN });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(0);
  });

  it('an empty JSONC file is an error that says a value is expected', async () => {
    const root = project({ 'hindsight.config.jsonc': '// nothing yet\n', 'postmortems/a.md': WARN });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Invalid JSONC in .*hindsight\.config\.jsonc:\d+:\d+: value expected\./);
  });

  it('a "__proto__" key is an unknown key, as in a .json file, not a prototype', async () => {
    const root = project({ '.hindsightrc.jsonc': '{"__proto__": {"extends": "strict"}}', 'postmortems/a.md': WARN });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown key "__proto__"');
  });

  it('a JSONC file nested past what the parser can recurse is a configuration error, not a crash', async () => {
    const root = project({ '.hindsightrc.jsonc': `${'['.repeat(300_000)}${']'.repeat(300_000)}`, 'postmortems/a.md': WARN });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toContain('it nests too deeply to read; a configuration nests at most 64 levels.');
  });

  it('a .json file stays strict JSON: a comment there is an error', async () => {
    const root = project({ '.hindsightrc.json': '{\n  // no\n}\n', 'postmortems/a.md': WARN });
    const run = await hindsight(['lint'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid JSON in');
  });
});
