// The GitHub Action, run as a runner runs it: its committed bundle (action.yml's `runs.main`,
// action/dist/index.js) copied alone into a folder with no node_modules anywhere above it, as
// the runner checks out an action, and started by the machine's own Node (20) with the
// INPUT_* variables a runner sets (hyphens kept: INPUT_CONFIG-FROM), the GITHUB_* variables
// and files, an event payload, and a temporary git repository as the workspace. Nothing is
// installed. The last test reads action.yml itself and passes the inputs of the example
// workflow in docs/action.md. (bundle.test.ts checks that the bundle matches the sources.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, docSnippet, git, goodPostmortem, initRepo, outOfOrderPostmortem, systemPath, tempDir, write } from '../hooks/helpers.ts';
import { logText } from '../helpers/workflow-commands.ts';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

describe('GitHub Action', () => {
  const temp = tempDir('action');
  const workspace = path.join(temp.dir, 'workspace');
  let base = '';
  let head = '';
  const bad = outOfOrderPostmortem('NEW-2025-001');

  /** The runner's Node: the first `node` on a PATH without node_modules/.bin. */
  const runnerNode = systemPath()
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'node'))
    .find((file) => path.isAbsolute(file) && existsSync(file))!;
  /** Where the runner has the action: the repository at its tag, of which the bundle runs. */
  const actionPath = path.join(temp.dir, 'action-checkout');
  let actionMain = '';

  beforeAll(() => {
    const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { main: string } };
    actionMain = path.join(actionPath, action.runs.main);
    mkdirSync(path.dirname(actionMain), { recursive: true });
    copyFileSync(path.join(ROOT, action.runs.main), actionMain);
    // The bundle reads its version from the repository's package.json, and nothing else of it.
    copyFileSync(path.join(ROOT, 'package.json'), path.join(actionPath, 'package.json'));
    // main: an archive with a postmortem that fails lint (nobody touches it in the pull request).
    initRepo(workspace);
    write(workspace, 'postmortems/2023-03-01-old-broken.md', outOfOrderPostmortem('OLD-2023-001').text);
    write(workspace, 'postmortems/2024-05-21-checkout-pool.md', goodPostmortem('POOL-2024-001'));
    write(workspace, 'README.md', '# Postmortems\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '-m', 'archive');
    base = git(workspace, 'rev-parse', 'HEAD').trim();
    // The pull request: a new postmortem with an out-of-order timeline, an edited good one,
    // Markdown outside the content folder, and a deleted file.
    git(workspace, 'checkout', '-q', '-b', 'postmortem');
    write(workspace, 'postmortems/2025-06-01-checkout-errors.md', bad.text);
    write(workspace, 'postmortems/2024-05-21-checkout-pool.md', `${goodPostmortem('POOL-2024-001')}\n`);
    write(workspace, 'docs/notes.md', '# Notes\n\nTODO\n');
    git(workspace, 'rm', '-q', 'README.md');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '-m', 'postmortem: checkout errors');
    head = git(workspace, 'rev-parse', 'HEAD').trim();
  });
  afterAll(() => temp.remove());

  let counter = 0;
  function runAction(event: { name: string; payload: unknown }, inputs: Record<string, string> = {}): Run {
    const n = ++counter;
    const runnerTemp = path.join(temp.dir, `runner-${n}`);
    const eventPath = write(runnerTemp, 'event.json', JSON.stringify(event.payload));
    const summaryPath = write(runnerTemp, 'step-summary.md', '');
    const outputPath = write(runnerTemp, 'output.txt', '');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(GITHUB_|INPUT_|RUNNER_|HINDSIGHT_)/.test(k)) env[k] = v;
    Object.assign(env, {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_SHA: head,
      GITHUB_REPOSITORY: 'acme/postmortems',
      GITHUB_SERVER_URL: 'https://github.com',
      RUNNER_TEMP: runnerTemp,
      RUNNER_OS: 'Linux',
    });
    // As the runner names them: upper case, spaces as "_", hyphens kept.
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    const r = spawnSync(runnerNode, [actionMain], { cwd: workspace, env: { ...env, PATH: systemPath() }, encoding: 'utf8' });
    const outputs = readOutputs(readFileSync(outputPath, 'utf8'));
    return { status: r.status, stdout: r.stdout, stderr: logText(r.stderr), summary: readFileSync(summaryPath, 'utf8'), outputs };
  }

  /** $GITHUB_OUTPUT as the runner reads it: `name=value` lines and `name<<DELIMITER` heredocs. */
  function readOutputs(text: string): Record<string, string> {
    const outputs: Record<string, string> = {};
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
      if (heredoc) {
        const end = lines.indexOf(heredoc[2]!, i + 1);
        if (end < 0) throw new Error(`unterminated heredoc for ${heredoc[1]}`);
        outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
        i = end;
      } else outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
    return outputs;
  }

  const pullRequest = () => ({
    name: 'pull_request',
    payload: { action: 'synchronize', number: 7, pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'postmortem' } } },
  });

  it('a pull request: annotates the changed postmortems only, fails on their errors, summarises them with their metrics', () => {
    const r = runAction(pullRequest());
    expect(r.status, r.stderr).toBe(1);
    const annotations = r.stdout.split('\n').filter(Boolean);
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(
      new RegExp(
        `^::error file=postmortems/2025-06-01-checkout-errors\\.md,line=${bad.line},col=1,endLine=${bad.line},endColumn=\\d+,title=timeline-order::11:50 \\(line ${bad.line}\\) is earlier than 11:53 on line ${bad.line - 1}: move this entry above line ${bad.line - 1}`,
      ),
    );
    expect(r.stdout).not.toContain('old-broken');
    expect(r.stdout).not.toContain('docs/notes.md');

    expect(r.summary).toContain('## ❌ Hindsight: 2 postmortems, 1 error, 0 warnings');
    expect(r.summary).toContain(`Postmortems changed between \`${base.slice(0, 7)}\` and \`${head.slice(0, 7)}\`.`);
    expect(r.summary).toContain('| Postmortem | Errors | Warnings | Severity | Time to detect | Time to resolve | Duration |');
    // The sample: started 11:48, detected 11:53, resolved 12:40 (UTC).
    // Text from the pull request is written as code spans (it renders as written).
    expect(r.summary).toContain(
      `| [\`postmortems/2025-06-01-checkout-errors.md\`](https://github.com/acme/postmortems/blob/${head}/postmortems/2025-06-01-checkout-errors.md)<br>\`Checkout errors from database connection pool exhaustion during lunch peak\` | 1 | 0 | \`SEV2\` | 5 min | 52 min | 52 min |`,
    );
    expect(r.summary).toMatch(/\| \[`postmortems\/2024-05-21-checkout-pool\.md`\]\([^)]+\)<br>`[^|]+\| 0 \| 0 \| `SEV2` \| 5 min \| 52 min \| 52 min \|/);
    expect(r.summary).toContain(`- error line ${bad.line}: \`11:50 (line ${bad.line}) is earlier than 11:53`);
    expect(r.summary).not.toContain('old-broken');
    expect(r.outputs).toEqual({ files: '2', errors: '1', warnings: '0', 'sarif-file': '' });
  });

  it('all: true lints the whole archive', () => {
    const r = runAction(pullRequest(), { all: 'true' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error file=postmortems/2023-03-01-old-broken.md,');
    expect(r.stdout).toContain('::error file=postmortems/2025-06-01-checkout-errors.md,');
    expect(r.summary).toContain('Every postmortem in the archive (`the input all is true`).');
    expect(r.outputs.files).toBe('3');
    expect(r.outputs.errors).toBe('2');
  });

  it('writes SARIF for code scanning, and an empty run when no postmortem changed', () => {
    const r = runAction(pullRequest(), { 'sarif-file': 'out/hindsight.sarif' });
    const sarifFile = path.join(workspace, 'out', 'hindsight.sarif');
    expect(r.outputs['sarif-file']).toBe(sarifFile);
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; tool: { driver: { name: string } } }[];
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['timeline-order', 'postmortems/2025-06-01-checkout-errors.md'],
    ]);
    expect(r.summary).toContain('SARIF written to `out/hindsight.sarif` for code scanning.');

    // A push that touches no postmortem: nothing linted, nothing fails, an empty SARIF run.
    write(workspace, 'docs/more.md', '# More\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '-m', 'docs');
    const after = git(workspace, 'rev-parse', 'HEAD').trim();
    const push = runAction({ name: 'push', payload: { before: head, after } }, { 'sarif-file': 'out/empty.sarif' });
    expect(push.status, push.stderr).toBe(0);
    expect(push.stdout).toBe('');
    expect(push.summary).toContain('## ✅ Hindsight: 0 postmortems, 0 errors, 0 warnings');
    expect(push.summary).toContain('No postmortem was changed: nothing to lint.');
    expect(push.outputs).toMatchObject({ files: '0', errors: '0', warnings: '0' });
    const empty = JSON.parse(readFileSync(path.join(workspace, 'out', 'empty.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(empty.runs[0]!.results).toEqual([]);
    git(workspace, 'reset', '-q', '--hard', head);
  });

  it('a push of a fixed postmortem passes', () => {
    git(workspace, 'checkout', '-q', '-b', 'fixed', head);
    write(workspace, 'postmortems/2025-06-01-checkout-errors.md', goodPostmortem('NEW-2025-001'));
    git(workspace, 'commit', '-q', '-am', 'fix the timeline');
    const fixed = git(workspace, 'rev-parse', 'HEAD').trim();
    const r = runAction({ name: 'push', payload: { before: head, after: fixed } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.summary).toContain('## ✅ Hindsight: 1 postmortem, 0 errors, 0 warnings');
    git(workspace, 'checkout', '-q', 'postmortem');
  });

  it('lints everything, and says why, when the event has no base to compare with', () => {
    const manual = runAction({ name: 'workflow_dispatch', payload: { inputs: {} } });
    expect(manual.stdout).toContain('::notice title=Hindsight::Linting every postmortem: a workflow_dispatch event has no base commit to compare with.');
    expect(manual.outputs.files).toBe('3');
    const newBranch = runAction({ name: 'push', payload: { before: '0000000000000000000000000000000000000000', after: head } });
    expect(newBranch.stdout).toContain('::notice title=Hindsight::Linting every postmortem: the push event names no base commit (a new branch?).');
    const missing = runAction({ name: 'pull_request', payload: { pull_request: { base: { sha: 'f'.repeat(40) }, head: { sha: head } } } });
    expect(missing.stdout).toContain(
      `::notice title=Hindsight::Linting every postmortem: commit ${'f'.repeat(12)} is not in the checkout (use actions/checkout with fetch-depth: 0).`,
    );
    expect(missing.summary).toContain('Every postmortem in the archive (`commit ffffffffffff is not in the checkout (use actions/checkout');
  });

  describe('config-from: base', () => {
    /** A pull request from `from` that adds the bad postmortem and a configuration of its own. */
    function pullRequestWithConfig(from: string, branch: string, files: Record<string, string>): { name: string; payload: unknown } {
      git(workspace, 'checkout', '-q', '-b', branch, from);
      write(workspace, 'postmortems/2025-06-01-checkout-errors.md', bad.text);
      for (const [file, text] of Object.entries(files)) write(workspace, file, text);
      git(workspace, 'add', '-A');
      git(workspace, 'add', '-f', 'postmortems/2025-06-01-checkout-errors.md');
      git(workspace, 'commit', '-q', '-m', `pull request ${branch}`);
      const prHead = git(workspace, 'rev-parse', 'HEAD').trim();
      return { name: 'pull_request', payload: { pull_request: { base: { sha: from }, head: { sha: prHead } } } };
    }
    afterAll(() => git(workspace, 'checkout', '-q', 'postmortem'));

    it("a pull request that turns the rule off or moves the content folder is checked by the base's configuration", () => {
      for (const [branch, config] of [
        ['pr-rule-off', { rules: { 'timeline-order': 'off' } }],
        ['pr-elsewhere', { content: 'nothing-here' }],
        ['pr-schema', { frontmatterSchema: { properties: { severity: { type: 'string', pattern: '^(S+)+$' } } } }],
      ] as const) {
        const event = pullRequestWithConfig(base, branch, { 'hindsight.config.json': JSON.stringify(config) });
        const own = runAction(event);
        const safe = runAction(event, { 'config-from': 'base' });
        if (branch !== 'pr-schema') expect(own.status, `${branch}: the pull request's own configuration lets it pass`).toBe(0);
        expect(safe.status, safe.stderr).toBe(1);
        expect(safe.stdout).toMatch(/^::error file=postmortems\/2025-06-01-checkout-errors\.md,.*title=timeline-order::/m);
        expect(safe.outputs.errors).toBe('1');
      }
    });

    it("reads the base commit's own configuration, found from the working directory up", () => {
      git(workspace, 'checkout', '-q', '-b', 'base-with-config', base);
      write(workspace, 'hindsight.config.yaml', 'rules:\n  timeline-order: warn\n');
      git(workspace, 'add', '-A');
      git(workspace, 'commit', '-q', '-m', 'configuration');
      const configured = git(workspace, 'rev-parse', 'HEAD').trim();
      const event = pullRequestWithConfig(configured, 'pr-edits-config', { 'hindsight.config.yaml': 'rules:\n  timeline-order: "off"\n' });
      const r = runAction(event, { 'config-from': 'base' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^::warning file=postmortems\/2025-06-01-checkout-errors\.md,.*title=timeline-order::/m);
      expect(r.outputs).toMatchObject({ errors: '0', warnings: '1' });
      // A configuration the base commit does not have cannot be named.
      const named = runAction(event, { 'config-from': 'base', config: 'other.json' });
      expect(named.status).toBe(2);
      expect(named.stderr).toMatch(/^hindsight: The configuration other\.json does not exist in the base commit [0-9a-f]{12}/);
    });

    it('fails a pull request whose .gitignore hides a changed postmortem from the check', () => {
      const event = pullRequestWithConfig(base, 'pr-gitignore', { 'postmortems/.gitignore': '2025-06-01-checkout-errors.md\n' });
      const r = runAction(event, { 'config-from': 'base' });
      expect(r.stdout).toContain('::error file=postmortems/2025-06-01-checkout-errors.md,title=Hindsight::This postmortem changed but was not linted');
      expect(r.stdout).not.toContain('title=timeline-order');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('hindsight: 1 changed postmortem is hidden from the check by a .gitignore or .hindsightignore.');
      expect(r.stdout).toContain('postmortems/.gitignore leaves it out');
    });

    it('fails a pull request whose .hindsightignore hides a changed postmortem, naming that file', () => {
      const event = pullRequestWithConfig(base, 'pr-hindsightignore', { '.hindsightignore': 'postmortems/2025-06-01-checkout-errors.md\n' });
      const r = runAction(event, { 'config-from': 'base' });
      expect(r.stdout).toContain(
        '::error file=postmortems/2025-06-01-checkout-errors.md,title=Hindsight::This postmortem changed but was not linted: .hindsightignore leaves it out',
      );
      expect(r.status).toBe(1);
    });

    it('needs an event with a base commit: exit code 2 and why', () => {
      const r = runAction({ name: 'workflow_dispatch', payload: { inputs: {} } }, { 'config-from': 'base' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        'hindsight: config-from: base reads the configuration from the base commit, and a workflow_dispatch event has no base commit to compare with: use it on pull_request, pull_request_target, push or merge_group events, or set config-from to workspace.\n',
      );
      const wrong = runAction(pullRequest(), { 'config-from': 'head' });
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toBe('hindsight: the input "config-from" takes workspace or base, not "head".\n');
    });
  });

  it('rejects invalid inputs with exit code 2', () => {
    const r = runAction(pullRequest(), { 'max-warnings': 'many' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('hindsight: the input "max-warnings" takes a whole number, not "many".\n');
  });

  it("a configuration's own frontmatterSchema and patterns work without node_modules: ajv and re2js are in the bundle", () => {
    const team = path.join(workspace, 'team-archive');
    write(
      team,
      'hindsight.config.json',
      JSON.stringify({ requiredFrontmatter: ['team'], frontmatterSchema: { properties: { team: { type: 'string', minLength: 2, pattern: '^[a-z-]+$' } } } }),
    );
    write(team, 'postmortems/2024-05-21-checkout-pool.md', goodPostmortem('POOL-2024-001').replace(/^---\n/, '---\nteam: Payments\n'));
    try {
      const r = runAction({ name: 'workflow_dispatch', payload: { inputs: {} } }, { all: 'true', 'working-directory': 'team-archive' });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toContain('team must be a string matching ^[a-z-]+$; found "Payments".');
    } finally {
      rmSync(team, { recursive: true, force: true });
    }
  });

  it("action.yml: a JavaScript action whose committed bundle runs on the runner's Node with the inputs of the example workflow in docs/action.md", () => {
    const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, { description: string }>;
      runs: { using: string; main: string };
    };
    expect(action.runs).toEqual({ using: 'node20', main: 'action/dist/index.js' });
    expect(Object.keys(action.inputs)).toEqual(['all', 'config', 'config-from', 'sarif-file', 'max-warnings', 'working-directory']);
    expect(Object.keys(action.outputs)).toEqual(['files', 'errors', 'warnings', 'sarif-file']);
    const workflow = parseYaml(docSnippet('docs/action.md', 'workflow')) as {
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>;
    };
    const step = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((s) => s.uses?.startsWith('hindsight-postmortems/hindsight@'));
    expect(step?.with).toBeDefined();
    expect(
      Object.keys(step!.with!).every((name) => name in action.inputs),
      'docs/action.md uses only inputs action.yml declares',
    ).toBe(true);
    // The runner sets every input, from the workflow's `with` or action.yml's default.
    const inputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = String(step!.with![name] ?? spec.default ?? '');
    expect(spawnSync(runnerNode, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v2\d\./);
    const r = runAction(pullRequest(), inputs);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain(`::error file=postmortems/2025-06-01-checkout-errors.md,line=${bad.line},`);
    expect(r.summary).toContain('## ❌ Hindsight: 2 postmortems, 1 error, 0 warnings');
    expect(r.outputs).toMatchObject({ files: '2', errors: '1', warnings: '0', 'sarif-file': path.join(workspace, inputs['sarif-file']!) });
    expect(existsSync(path.join(workspace, inputs['sarif-file']!))).toBe(true);
    // Installed nothing: the action's folder still holds only what was checked out.
    expect(existsSync(path.join(actionPath, 'node_modules'))).toBe(false);
  });
});
