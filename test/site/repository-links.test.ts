// Edit and source links come from the repository's own `origin` remote (never Hindsight's).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repositoryLinks, webUrlOf } from '../../src/site/shared/git.ts';
import { resolveSiteOptions } from '../../src/site/shared/options.ts';

describe('webUrlOf', () => {
  it.each([
    ['git@github.com:acme/incidents.git', 'https://github.com/acme/incidents', 'github'],
    ['https://github.com/acme/incidents.git', 'https://github.com/acme/incidents', 'github'],
    ['ssh://git@github.com/acme/incidents', 'https://github.com/acme/incidents', 'github'],
    ['https://token@github.example.com/acme/incidents.git', 'https://github.example.com/acme/incidents', 'github'],
    ['git@gitlab.com:acme/sre/incidents.git', 'https://gitlab.com/acme/sre/incidents', 'gitlab'],
    ['ssh://git@gitlab.acme.dev:2222/sre/incidents.git', 'https://gitlab.acme.dev/sre/incidents', 'gitlab'],
    ['https://ana@bitbucket.org/acme/incidents.git', 'https://bitbucket.org/acme/incidents', 'bitbucket'],
  ])('%s → %s', (remote, url, host) => {
    expect(webUrlOf(remote)).toEqual({ url, host });
  });

  it.each(['/srv/git/incidents.git', 'file:///srv/git/incidents.git', 'git@git.acme.internal:incidents.git', 'https://example.com/acme/incidents.git'])(
    'gives no web page for %s (a local path or an unknown host)',
    (remote) => {
      expect(webUrlOf(remote)).toBeNull();
    },
  );
});

describe('repositoryLinks', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });

  it("links to the remote's default branch, else the current one", () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hindsight-links-'));
    git('init', '-q', '-b', 'trunk');
    git('remote', 'add', 'origin', 'git@gitlab.com:acme/incidents.git');
    expect(repositoryLinks(dir)).toMatchObject({
      branch: 'trunk',
      editUrl: 'https://gitlab.com/acme/incidents/-/edit/trunk/{path}',
      lineUrl: 'https://gitlab.com/acme/incidents/-/blob/trunk/{path}#L{line}',
    });
    git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/production');
    expect(repositoryLinks(dir)?.branch).toBe('production');
  });

  it('gives no links, and the site no edit links, for a repository with no remote or outside one', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hindsight-links-'));
    expect(repositoryLinks(dir)).toBeNull();
    git('init', '-q');
    expect(repositoryLinks(dir)).toBeNull();
    const options = resolveSiteOptions({}, {}, dir);
    expect(options.editUrl).toBe('');
    expect(options.lineUrl).toBe('');
  });

  it('lets the options override the remote, or turn the links off', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hindsight-links-'));
    git('init', '-q', '-b', 'main');
    git('remote', 'add', 'origin', 'https://github.com/acme/incidents.git');
    expect(resolveSiteOptions({}, {}, dir)).toMatchObject({
      editUrl: 'https://github.com/acme/incidents/edit/main/{path}',
      lineUrl: 'https://github.com/acme/incidents/blob/main/{path}#L{line}',
    });
    expect(resolveSiteOptions({ editUrl: 'https://git.acme.dev/edit/{path}' }, {}, dir).editUrl).toBe('https://git.acme.dev/edit/{path}');
    expect(resolveSiteOptions({}, { HINDSIGHT_EDIT_URL: 'https://git.acme.dev/e/{path}' }, dir).editUrl).toBe('https://git.acme.dev/e/{path}');
    expect(resolveSiteOptions({ editUrl: false }, {}, dir)).toMatchObject({ editUrl: '', lineUrl: '' });
  });
});
