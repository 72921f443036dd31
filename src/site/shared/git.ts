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
