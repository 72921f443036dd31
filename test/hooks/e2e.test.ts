// End to end, both ways of running Hindsight on every commit, set up exactly as docs/hook.md
// says, in temporary git repositories whose archive already holds
// a postmortem that fails lint:
//
//   pre-commit  Debian's pre-commit framework with this repository as the hook repository. The
//               hook repository is a temporary copy of this working tree with one commit in it
//               (nothing is committed here); pre-commit clones it at that commit and installs it
//               with npm as it installs every `language: node` hook (.pre-commit-hooks.yaml).
//   husky       husky + lint-staged from the npm registry, and Hindsight installed from an
//               `npm pack` tarball of this working tree.
//
// Both hooks run on the machine's own Node (a PATH without any node_modules/.bin of this
// repository), so the installed copies run their compiled lib/. The two tests run at the
// same time: most of their time is npm installing packages.
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BIN,
  CI,
  ROOT,
  copyWorkingTree,
  docSnippet,
  git,
  goodPostmortem,
  initRepo,
  mustAsync,
  outOfOrderPostmortem,
  plain,
  run,
  runAsync,
  systemPath,
  tempDir,
  userEnv,
  write,
} from './helpers.ts';

function findOnPath(name: string): string | null {
  for (const dir of systemPath().split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

const preCommit = findOnPath('pre-commit');
if (!preCommit && !CI) {
  console.warn('test/hooks/e2e.test.ts: the pre-commit test is SKIPPED, no pre-commit on PATH (apt-get install pre-commit). Under CI=true it fails instead.');
}

/** A team's repository: a README and an archive holding a postmortem that fails lint. */
function teamRepo(dir: string): string {
  initRepo(dir);
  write(dir, 'README.md', '# Postmortems\n');
  return write(dir, 'postmortems/2023-03-01-old-broken.md', outOfOrderPostmortem('OLD-2023-001').text);
}

const bad = outOfOrderPostmortem('NEW-2025-001');
const finding = new RegExp(`${bad.line}:1\\s+error\\s+11:50 \\(line ${bad.line}\\) is earlier than 11:53 on line ${bad.line - 1}`);

describe.concurrent('hooks end to end', () => {
  const temp = tempDir('hooks');
  // Two node_modules and pre-commit's environment: removing them takes a while on a busy machine.
  afterAll(() => temp.remove(), 600_000);

  it.skipIf(!preCommit && !CI)(
    'pre-commit: refuses an out-of-order timeline with the finding, accepts the fix, skips commits without postmortems',
    async () => {
      expect(preCommit, 'pre-commit is not installed: .ci/run installs it from Debian (apt-get install pre-commit)').not.toBeNull();
      const base = path.join(temp.dir, 'pre-commit');

      // The hook repository: this working tree, committed in a copy.
      const hookRepo = path.join(base, 'hindsight');
      copyWorkingTree(hookRepo);
      initRepo(hookRepo);
      git(hookRepo, 'add', '-A');
      git(hookRepo, 'commit', '-q', '-m', 'hindsight under test');
      const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

      const project = path.join(base, 'project');
      const archived = teamRepo(project);
      const config = docSnippet('docs/hook.md', 'pre-commit-config')
        .replace('https://github.com/hindsight-postmortems/hindsight', hookRepo)
        .replace(/rev: \S+/, `rev: ${rev}`);
      expect(config).toContain(`repo: ${hookRepo}`);
      write(project, '.pre-commit-config.yaml', config);
      git(project, 'add', '-A');
      git(project, 'commit', '-q', '-m', 'archive, before the hook');

      const env = userEnv({ PRE_COMMIT_HOME: path.join(base, 'pre-commit-home') });
      await mustAsync('bash', ['-euc', docSnippet('docs/hook.md', 'pre-commit-install')], project, env);
      expect(existsSync(path.join(project, '.git', 'hooks', 'pre-commit'))).toBe(true);

      // 1. A postmortem with an out-of-order timeline: refused, with the finding. (This first
      //    commit also builds pre-commit's environment for the hook.)
      write(project, 'postmortems/2025-06-01-checkout-errors.md', bad.text);
      git(project, 'add', 'postmortems/2025-06-01-checkout-errors.md');
      const refused = await runAsync('git', ['commit', '-m', 'postmortem: checkout errors'], project, env);
      const refusedOutput = plain(refused.stdout + refused.stderr);
      expect(refused.status, refusedOutput).not.toBe(0);
      expect(refusedOutput).toMatch(/hindsight \(lint postmortems\)\.+Failed/);
      expect(refusedOutput).toContain('postmortems/2025-06-01-checkout-errors.md');
      expect(refusedOutput).toMatch(finding);
      expect(refusedOutput).toContain('timeline-order');
      expect(refusedOutput, 'only the staged file is linted').not.toContain('2023-03-01-old-broken.md');
      expect(git(project, 'rev-list', '--count', 'HEAD').trim()).toBe('1');

      // 2. Fixed: the commit goes through, although the archive still holds a broken postmortem.
      write(project, 'postmortems/2025-06-01-checkout-errors.md', goodPostmortem('NEW-2025-001'));
      git(project, 'add', 'postmortems/2025-06-01-checkout-errors.md');
      const accepted = await runAsync('git', ['commit', '-m', 'postmortem: checkout errors'], project, env);
      expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
      expect(plain(accepted.stdout + accepted.stderr)).toMatch(/hindsight \(lint postmortems\)\.+Passed/);

      // 3. A commit without postmortems: the hook does not run at all, so the broken archive
      //    (which does fail lint) neither slows nor blocks it.
      write(project, 'README.md', '# Postmortems\n\nHow we write them.\n');
      git(project, 'add', 'README.md');
      const other = await runAsync('git', ['commit', '-m', 'docs'], project, env);
      expect(other.status, other.stdout + other.stderr).toBe(0);
      expect(plain(other.stdout + other.stderr)).toMatch(/hindsight \(lint postmortems\)\.+\(no files to check\)Skipped/);
      expect(run(process.execPath, [BIN, 'lint', archived], project).status, 'the archived postmortem does fail lint').toBe(1);
      expect(git(project, 'rev-list', '--count', 'HEAD').trim()).toBe('3');

      // 4. A fresh `hindsight new` draft, nothing filled in yet: it commits, so a team can
      //    review it together; what is still to write are warnings (status: draft).
      const draft = run(process.execPath, [BIN, 'new', 'Search outage'], project).stdout.trim();
      expect(run(process.execPath, [BIN, 'lint', draft], project).stdout).toMatch(/warning[\s\S]*0 errors/);
      git(project, 'add', draft);
      const drafted = await runAsync('git', ['commit', '-m', 'postmortem: search outage (draft)'], project, env);
      expect(drafted.status, drafted.stdout + drafted.stderr).toBe(0);
      expect(plain(drafted.stdout + drafted.stderr)).toMatch(/hindsight \(lint postmortems\)\.+Passed/);
      expect(git(project, 'rev-list', '--count', 'HEAD').trim()).toBe('4');
    },
    900_000,
  );

  it('husky + lint-staged: refuses an out-of-order timeline with the finding, accepts the fix, lints nothing for other commits', async () => {
    const base = path.join(temp.dir, 'husky');
    const env = userEnv();

    // The package as `npm pack` makes it (its `prepare` script builds lib/), from a copy of
    // this working tree so that this checkout's own lib/ is not rebuilt under other tests.
    const source = path.join(base, 'hindsight');
    copyWorkingTree(source);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'), 'dir');
    const packed = (await mustAsync('npm', ['pack', '--pack-destination', base], source, env)).trim().split('\n').pop()!;
    const tarball = path.join(base, packed);
    expect(existsSync(tarball), `npm pack printed ${packed}`).toBe(true);

    const project = path.join(base, 'project');
    const archived = teamRepo(project);
    write(project, 'package.json', `${JSON.stringify({ name: 'postmortems', version: '1.0.0', private: true }, null, 2)}\n`);
    write(project, '.gitignore', 'node_modules/\n');
    git(project, 'add', '-A');
    git(project, 'commit', '-q', '-m', 'archive, before the hook');

    // The setup of docs/hook.md, with the package from the tarball instead of the registry.
    const install = docSnippet('docs/hook.md', 'husky-install');
    expect(install).toMatch(/npm install --save-dev husky lint-staged hindsight-postmortems\n/);
    await mustAsync('bash', ['-euc', install.replace(/ hindsight-postmortems\n/, ` ${tarball}\n`)], project, env);
    const pkgFile = path.join(project, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(pkgFile, `${JSON.stringify({ ...pkg, ...(JSON.parse(docSnippet('docs/hook.md', 'lint-staged-config')) as object) }, null, 2)}\n`);
    git(project, 'add', '-A');
    git(project, 'commit', '-q', '--no-verify', '-m', 'husky and lint-staged');

    // The installed copy is the bundled build.
    const installed = path.join(project, 'node_modules', 'hindsight-postmortems');
    expect(existsSync(path.join(installed, 'lib', 'hindsight.js'))).toBe(true);
    expect(existsSync(path.join(installed, 'lib', 'worker.js'))).toBe(true);
    expect(existsSync(path.join(installed, 'src')), 'src/ is not shipped').toBe(false);

    // 1. A postmortem with an out-of-order timeline: refused, with the finding.
    write(project, 'postmortems/2025-06-01-checkout-errors.md', bad.text);
    git(project, 'add', 'postmortems/2025-06-01-checkout-errors.md');
    const refused = await runAsync('git', ['commit', '-m', 'postmortem: checkout errors'], project, env);
    const refusedOutput = plain(refused.stdout + refused.stderr);
    expect(refused.status, refusedOutput).not.toBe(0);
    expect(refusedOutput).toContain('postmortems/2025-06-01-checkout-errors.md');
    expect(refusedOutput).toMatch(finding);
    expect(refusedOutput).toContain('timeline-order');
    expect(refusedOutput, 'only the staged file is linted').not.toContain('2023-03-01-old-broken.md');
    expect(git(project, 'rev-list', '--count', 'HEAD').trim()).toBe('2');

    // 2. Fixed: the commit goes through, although the archive still holds a broken postmortem.
    write(project, 'postmortems/2025-06-01-checkout-errors.md', goodPostmortem('NEW-2025-001'));
    git(project, 'add', 'postmortems/2025-06-01-checkout-errors.md');
    const accepted = await runAsync('git', ['commit', '-m', 'postmortem: checkout errors'], project, env);
    expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);

    // 3. A commit without postmortems: lint-staged runs no task, so the broken archive (which
    //    does fail lint) neither slows nor blocks it.
    write(project, 'README.md', '# Postmortems\n\nHow we write them.\n');
    git(project, 'add', 'README.md');
    const other = await runAsync('git', ['commit', '-m', 'docs'], project, env);
    expect(other.status, other.stdout + other.stderr).toBe(0);
    expect(plain(other.stdout + other.stderr)).toMatch(/could not find any staged files matching configured tasks|No staged files match any configured task/);
    expect(run(process.execPath, [BIN, 'lint', archived], project).status, 'the archived postmortem does fail lint').toBe(1);
    expect(git(project, 'rev-list', '--count', 'HEAD').trim()).toBe('4');

    // The installed copy also starts a postmortem from its shipped template.
    const created = await runAsync(path.join(project, 'node_modules', '.bin', 'hindsight'), ['new', 'Search outage', '--date', '2025-07-02'], project, env);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout.trim()).toBe(path.join('postmortems', '2025-07-02-search-outage.md'));
    // …a draft that commits through the hook, its blanks warnings only.
    git(project, 'add', created.stdout.trim());
    const drafted = await runAsync('git', ['commit', '-m', 'postmortem: search outage (draft)'], project, env);
    expect(drafted.status, drafted.stdout + drafted.stderr).toBe(0);
    expect(git(project, 'rev-list', '--count', 'HEAD').trim()).toBe('5');
  }, 900_000);
});
