// Which files a pull request or push changed, from the event payload GitHub writes to
// GITHUB_EVENT_PATH: the base and head commits, then `git diff --name-only` between them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ChangedFiles {
  /** Absolute paths of files added, copied, modified, renamed or retyped (not deleted). */
  files: string[];
  base: string;
  head: string;
}

/** Why the changed files could not be told: the action then lints everything. */
export class NoDiff extends Error {
  override name = 'NoDiff';
}

const ZERO_SHA = /^0+$/;

/** The base and head commits of the event, or a NoDiff naming why there are none. */
export function eventRange(eventName: string, eventPath: string | undefined): { base: string; head: string } {
  if (!eventPath) throw new NoDiff('GITHUB_EVENT_PATH is not set');
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new NoDiff(`cannot read the event payload ${eventPath}: ${(error as Error).message}`);
  }
  const at = (...keys: string[]): string | null => {
    let value: unknown = payload;
    for (const key of keys) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' && value !== '' ? value : null;
  };
  let base: string | null = null;
  let head: string | null = null;
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    base = at('pull_request', 'base', 'sha');
    head = at('pull_request', 'head', 'sha');
  } else if (eventName === 'push') {
    base = at('before');
    head = at('after');
  } else if (eventName === 'merge_group') {
    base = at('merge_group', 'base_sha');
    head = at('merge_group', 'head_sha');
  } else {
    throw new NoDiff(`a ${eventName || 'manual'} event has no base commit to compare with`);
  }
  if (!base || !head || ZERO_SHA.test(base)) throw new NoDiff(`the ${eventName} event names no base commit (a new branch?)`);
  return { base, head };
}

/**
 * The files changed between `base` and `head` in the repository at `cwd`. A pull request is
 * compared from the merge base (three dots, what GitHub shows as the diff); when the history
 * is too shallow for a merge base, base and head are compared directly, which can only add files.
 */
export function changedFiles(cwd: string, base: string, head: string, threeDot: boolean): ChangedFiles {
  const git = (...args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '')
        .trim()
        .split('\n')[0];
      throw new NoDiff(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
    }
  };
  const has = (sha: string): boolean => {
    try {
      git('cat-file', '-e', `${sha}^{commit}`);
      return true;
    } catch {
      return false;
    }
  };
  for (const sha of [base, head]) {
    if (has(sha)) continue;
    try {
      git('fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha);
    } catch {}
    if (!has(sha)) throw new NoDiff(`commit ${sha.slice(0, 12)} is not in the checkout (use actions/checkout with fetch-depth: 0)`);
  }
  const top = git('rev-parse', '--show-toplevel').trim();
  const diff = (range: string[]): string => git('diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', ...range, '--');
  let output: string;
  try {
    output = diff(threeDot ? [`${base}...${head}`] : [base, head]);
  } catch {
    output = diff([base, head]);
  }
  const files = output
    .split('\0')
    .filter(Boolean)
    .map((name) => path.join(top, name));
  return { files, base, head };
}
