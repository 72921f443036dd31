// Last-updated dates and repository paths from git, for the whole content folder at once
// (one `git log` instead of one per file). The date of a file is the commit date of the
// latest commit touching it, as `git log -1 --format=%cI -- FILE` gives; a file git does
// not know, or one with uncommitted changes, gets its modification time instead.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

export interface GitInfo {
  /** The repository's top folder, or null when the content folder is not in one. */
  toplevel: string | null;
  /** Absolute file path → ISO commit date of its latest commit. */
  committed: Map<string, string>;
  /** Absolute paths of files with uncommitted changes (or untracked). */
  dirty: Set<string>;
}

function git(cwd: string, args: string[]): string | null {
  const result = spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : null;
}

export function readGitInfo(folder: string): GitInfo {
  const top = git(folder, ['rev-parse', '--show-toplevel'])?.trim() || null;
  const committed = new Map<string, string>();
  const dirty = new Set<string>();
  if (!top) return { toplevel: null, committed, dirty };
  const log = git(folder, ['log', '--format=%x1e%cI', '--name-only', '--no-renames', '--', '.']) ?? '';
  for (const record of log.split('\x1e')) {
    const [date, ...files] = record.split('\n');
    if (!date) continue;
    for (const file of files) {
      if (!file) continue;
      const absolute = path.join(top, file);
      if (!committed.has(absolute)) committed.set(absolute, date.trim());
    }
  }
  const status = git(folder, ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.']) ?? '';
  for (const item of status.split('\0')) if (item.length > 3) dirty.add(path.join(top, item.slice(3)));
  return { toplevel: top, committed, dirty };
}

export function lastUpdated(info: GitInfo, file: string): { iso: string; from: 'git' | 'mtime' } {
  const date = info.dirty.has(file) ? undefined : info.committed.get(file);
  if (date) return { iso: date, from: 'git' };
  return { iso: statSync(file).mtime.toISOString(), from: 'mtime' };
}

/** The file's path in its repository; outside one, relative to `root` (or the content folder's parent). */
export function repositoryPath(info: GitInfo, file: string, root: string, contentFolder: string): string {
  const from = info.toplevel ?? (isInside(root, file) ? root : path.dirname(contentFolder));
  return path.relative(from, file).split(path.sep).join('/');
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export interface RepositoryLinks {
  /** The repository's web page, e.g. https://github.com/acme/incidents. */
  web: string;
  branch: string;
  editUrl: string;
  lineUrl: string;
}

/**
 * Edit and line link patterns for the repository at `folder`, from its `origin` remote
 * (GitHub, GitLab and Bitbucket, hosted or self-hosted, in ssh or https form) and its default
 * branch (origin's HEAD, else the current branch). Null when there is no such remote.
 */
export function repositoryLinks(folder: string): RepositoryLinks | null {
  const remote = git(folder, ['remote', 'get-url', 'origin'])?.trim();
  if (!remote) return null;
  const web = webUrlOf(remote);
  if (!web) return null;
  const branch =
    git(folder, ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])
      ?.trim()
      .replace(/^origin\//, '') ||
    git(folder, ['symbolic-ref', '--short', 'HEAD'])?.trim() ||
    'main';
  return { web: web.url, branch, ...linkPatterns(web, branch.split('/').map(encodeURIComponent).join('/')) };
}

type Host = 'github' | 'gitlab' | 'bitbucket';

/** A remote URL (`git@host:owner/name.git`, `ssh://…`, `https://…`) as the repository's web page and its kind of host; null for another host or a local path. */
export function webUrlOf(remote: string): { url: string; host: Host } | null {
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/)(.+)$/.exec(remote);
  let hostname: string;
  let repoPath: string;
  if (scp && !/^[a-z]+:\/\//i.test(remote)) {
    hostname = scp[1]!;
    repoPath = scp[2]!;
  } else {
    let url: URL;
    try {
      url = new URL(remote);
    } catch {
      return null;
    }
    if (!['ssh:', 'git:', 'https:', 'http:', 'git+ssh:', 'ssh+git:'].includes(url.protocol)) return null;
    hostname = url.hostname;
    repoPath = decodeURIComponent(url.pathname);
  }
  repoPath = repoPath
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  const host: Host | null = /github/i.test(hostname) ? 'github' : /gitlab/i.test(hostname) ? 'gitlab' : /bitbucket/i.test(hostname) ? 'bitbucket' : null;
  if (!host || !/^[^\s?#]+\/[^\s?#]+$/.test(repoPath)) return null;
  return { url: `https://${hostname.toLowerCase()}/${repoPath}`, host };
}

function linkPatterns({ url, host }: { url: string; host: Host }, branch: string): { editUrl: string; lineUrl: string } {
  if (host === 'gitlab') return { editUrl: `${url}/-/edit/${branch}/{path}`, lineUrl: `${url}/-/blob/${branch}/{path}#L{line}` };
  if (host === 'bitbucket') return { editUrl: `${url}/src/${branch}/{path}?mode=edit`, lineUrl: `${url}/src/${branch}/{path}#lines-{line}` };
  return { editUrl: `${url}/edit/${branch}/{path}`, lineUrl: `${url}/blob/${branch}/{path}#L{line}` };
}
