// The folder Hindsight keeps its per-user caches in (Node's compile cache, the archive index
// of a lint run without --cache), and the check that it is this user's alone.
//
// A cache in a folder another user can write is theirs to forge: Node's compile cache checks
// its entries with a crc32 anyone can compute, so a planted entry runs as the next user of
// `hindsight`; an index file written through a planted link overwrites any file of the
// victim's. So the folder is used only when it is a real folder (not a symbolic link), owned
// by this user, written by no one else (mode 0700: it is created so, and tightened if it is
// only readable by others), and no folder above it can be written by another user unless
// that folder is sticky (as /tmp is: nobody can move another's entries there).
//
// Where: $XDG_CACHE_HOME/hindsight or ~/.cache/hindsight (~/Library/Caches/hindsight on
// macOS, %LOCALAPPDATA%\hindsight on Windows); where that cannot be created (no home, a
// read-only one), hindsight-<uid> in the system's temporary folder, checked the same way.
// A folder that exists but fails the check is not used, with a one-line warning: someone may
// have made it to plant a cache. Plain JavaScript with node: builtins only: bin/hindsight.js
// runs it on the start-up path of a pre-commit hook, before any TypeScript can load.
import { chmodSync, lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WARNED = Symbol.for('hindsight.private-folder.warned');
const CHECKED = Symbol.for('hindsight.private-folder.checked');

/**
 * This user's cache folder for Hindsight, created and checked; null when there is none to
 * trust (then nothing is cached). `env`, `warn`: for tests.
 */
export function userCacheFolder(env = process.env, warn = warnOnce) {
  const home = cacheHome(env);
  // Checked once per process and folder: bin/hindsight.js asks for the compile cache and the
  // lint (its own copy of this module in lib/) for the archive index, a hook's run apart.
  const checked = env === process.env ? (globalThis[CHECKED] ??= new Map()) : null;
  const known = checked?.get(home);
  if (known !== undefined) return known;
  const folder = checkedCacheFolder(home, warn);
  if (folder !== null) checked?.set(home, folder);
  return folder;
}

function checkedCacheFolder(home, warn) {
  const preferred = home ? privateFolder(path.join(home, 'hindsight')) : { missing: 'no home folder' };
  if ('folder' in preferred) return preferred.folder;
  if (preferred.untrusted) {
    warn(preferred.untrusted);
    return null;
  }
  const fallback = privateFolder(path.join(os.tmpdir(), `hindsight-${userName()}`));
  if ('folder' in fallback) return fallback.folder;
  if (fallback.untrusted) warn(fallback.untrusted);
  return null;
}

/**
 * Creates `dir` (mode 0700) unless it exists, and checks that it is this user's alone:
 * `{ folder }`, or `{ untrusted }` saying why not, or `{ missing }` when it cannot be made.
 */
export function privateFolder(dir) {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') return { missing: error.code ?? String(error) };
  }
  let stat;
  try {
    stat = lstatSync(dir);
  } catch (error) {
    return { missing: error.code ?? String(error) };
  }
  const why = untrustedFolder(stat) ?? untrustedAncestor(dir);
  if (why) return { untrusted: `${dir}: it ${why}` };
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    // Ours and written by no one else, only readable by others: keep its content private from now on.
    try {
      chmodSync(dir, 0o700);
    } catch {
      return { untrusted: `${dir}: it can be read by other users and its mode cannot be changed` };
    }
  }
  return { folder: dir };
}

/** Why a folder (its lstat) is not this user's alone, or null. */
function untrustedFolder(stat) {
  if (stat.isSymbolicLink()) return 'is a symbolic link';
  if (!stat.isDirectory()) return 'is not a folder';
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) return `belongs to another user (uid ${stat.uid})`;
  if (process.platform !== 'win32' && (stat.mode & 0o022) !== 0) return `can be written by other users (mode ${octal(stat.mode)})`;
  return null;
}

/**
 * Why a folder above `dir` lets another user replace it, or null: each must belong to this
 * user or to root, and be writable by others only when sticky.
 */
function untrustedAncestor(dir) {
  const uid = process.getuid?.();
  if (uid === undefined) return null;
  let at;
  try {
    at = realpathSync.native(path.dirname(dir));
  } catch {
    return 'lies in a folder that cannot be resolved';
  }
  for (;;) {
    let stat;
    try {
      stat = statSync(at);
    } catch {
      return `lies in ${at}, which cannot be checked`;
    }
    if (stat.uid !== uid && stat.uid !== 0) return `lies in ${at}, which belongs to another user (uid ${stat.uid})`;
    if ((stat.mode & 0o002) !== 0 && (stat.mode & 0o1000) === 0) return `lies in ${at}, which any user can write`;
    const up = path.dirname(at);
    if (up === at) return null;
    at = up;
  }
}

/** The user's folder for caches, or null when there is no absolute one. */
function cacheHome(env) {
  let home;
  try {
    home = os.homedir();
  } catch {
    home = '';
  }
  const folder =
    process.platform === 'win32'
      ? env.LOCALAPPDATA || (home && path.join(home, 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? home && path.join(home, 'Library', 'Caches')
        : env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)
          ? env.XDG_CACHE_HOME
          : home && path.join(home, '.cache');
  return folder && path.isAbsolute(folder) ? folder : null;
}

function userName() {
  return typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
}

function octal(mode) {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/** One line on stderr, once per folder and process (bin/hindsight.js and lib/ each load this module). */
function warnOnce(message) {
  const warned = (globalThis[WARNED] ??= new Set());
  if (warned.has(message)) return;
  warned.add(message);
  process.stderr.write(
    `hindsight: not caching in ${message}; another user may have made it to plant a cache. Remove it, or run as its owner. Hindsight runs on, only slower.\n`,
  );
}
