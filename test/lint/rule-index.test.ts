// rules/index.ts is how every part of Hindsight finds the rules: it must list exactly the
// files of rules/, and a rule file added and indexed by the generator must reach the command
// line, the configuration schema, the rule pages and the bundled build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { INDEX_FILE, ruleFiles, ruleIndexSource } from '../../scripts/rule-index.ts';
import { ruleIndex } from '../../rules/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES = path.join(ROOT, 'rules');

describe('rules/index.ts', () => {
  it('lists every rule file of rules/ and nothing else', () => {
    const files = ruleFiles(RULES).map((file) => file.slice(0, -'.ts'.length));
    const listed = Object.keys(ruleIndex);
    const run = 'run `npm run rules:index` (or `npm run docs`) and commit rules/index.ts';
    expect(
      files.filter((id) => !listed.includes(id)),
      `rule files missing from rules/index.ts: ${run}`,
    ).toEqual([]);
    expect(
      listed.filter((id) => !files.includes(id)),
      `rules/index.ts lists rules that have no file: ${run}`,
    ).toEqual([]);
    expect(readFileSync(path.join(RULES, INDEX_FILE), 'utf8'), `rules/index.ts is not what the generator writes: ${run}`).toBe(
      ruleIndexSource(ruleFiles(RULES)),
    );
  });
});

describe('a new rule file', () => {
  // A copy of the project inside this checkout (test-output/ is ignored by git), so its
  // packages resolve from this checkout's node_modules.
  const copy = path.join(ROOT, 'test-output', `new-rule-${process.pid}`);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  const RULE_ID = 'incident-owner';
  const RULE_FILE = `import { defineRule } from '../src/lint/rule.ts';

export default defineRule({
  id: '${RULE_ID}',
  description: 'The frontmatter names no incident owner',
  severity: 'warn',
  docs: {
    rationale: 'Someone owns every incident review.',
    invalid: [{ title: 'no owner', markdown: '# Outage\\n', expected: '1:1 No incident owner: add owner to the frontmatter.' }],
    valid: [{ title: 'an owner', markdown: '---\\nowner: dana\\n---\\n# Outage\\n' }],
  },
  check({ model, report }) {
    if (!model.frontmatter.data?.['owner']) report({ message: 'No incident owner: add owner to the frontmatter.', line: 1, column: 1 });
  },
});
`;

  const node = (args: string[], env: Record<string, string> = {}) => {
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('HINDSIGHT_')) clean[k] = v;
    return spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8', env: { ...clean, ...env } });
  };
  const catalogue = (from: 'src' | 'lib'): string[] => {
    const r = node(['bin/hindsight.js', 'rules', '--format', 'json'], { HINDSIGHT_FROM: from });
    expect(r.status, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { id: string }[]).map((rule) => rule.id);
  };

  it('is picked up by the command line, the schema, the rule pages and the bundled build once the generator ran', () => {
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(copy, { recursive: true });
    for (const item of ['bin', 'src', 'rules', 'scripts', 'schema', 'docs', 'templates', 'package.json', 'tsconfig.json'])
      cpSync(path.join(ROOT, item), path.join(copy, item), { recursive: true });
    writeFileSync(path.join(copy, 'rules', `${RULE_ID}.ts`), RULE_FILE);

    // Not yet indexed: the bundled build refuses, and says what to run.
    const early = node(['scripts/build-lib.ts', '--outdir', path.join(copy, 'lib')]);
    expect(early.status).not.toBe(0);
    expect(early.stderr).toContain('npm run rules:index');

    const generated = node(['scripts/docs.ts']);
    expect(generated.status, generated.stderr).toBe(0);
    expect(readFileSync(path.join(copy, 'rules', 'index.ts'), 'utf8')).toContain(`'${RULE_ID}':`);

    expect(catalogue('src')).toContain(RULE_ID);
    const schema = JSON.parse(readFileSync(path.join(copy, 'schema', 'config.schema.json'), 'utf8')) as {
      properties: { rules: { properties: Record<string, unknown> } };
    };
    expect(schema.properties.rules.properties[RULE_ID]).toMatchObject({ description: 'The frontmatter names no incident owner' });
    expect(readFileSync(path.join(copy, 'docs', 'rules', `${RULE_ID}.md`), 'utf8')).toContain('Someone owns every incident review.');
    expect(readFileSync(path.join(copy, 'docs', 'rules', 'README.md'), 'utf8')).toContain(RULE_ID);

    const built = node(['scripts/build-lib.ts', '--outdir', path.join(copy, 'lib')]);
    expect(built.status, built.stderr).toBe(0);
    expect(catalogue('lib')).toContain(RULE_ID);

    // And it runs: a postmortem without an owner gets its finding, from the sources and the bundle.
    const file = path.join(copy, 'postmortems', 'outage.md');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '# Outage\n\nThe cache was cold.\n');
    // A configuration may name it (the bundle validates with the schema compiled when it was built).
    writeFileSync(path.join(copy, 'hindsight.config.json'), JSON.stringify({ rules: { [RULE_ID]: 'error' } }));
    for (const from of ['src', 'lib']) {
      const lint = node(['bin/hindsight.js', 'lint', '--format', 'json', file], { HINDSIGHT_FROM: from });
      expect(lint.status, `${from}: ${lint.stderr}`).toBe(1);
      const found = (JSON.parse(lint.stdout) as { messages: { ruleId: string; severity: number }[] }[])[0]!.messages.filter((m) => m.ruleId === RULE_ID);
      expect(
        found.map((m) => m.severity),
        from,
      ).toEqual([2]);
    }
    expect(existsSync(path.join(copy, 'lib', 'hindsight.js'))).toBe(true);
  });
});
