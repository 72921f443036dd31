// `--cache`: a file's findings are kept under the hash of its content, and the whole cache
// under the hash of the configuration and Hindsight's version, so an unchanged file under
// an unchanged configuration is not read again by any rule. A cache file that is not what
// Hindsight writes (not JSON, an entry of another shape, a link, another user's: see
// cache-file.ts) is a cache miss, never an error.
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import type { Finding } from './engine.ts';
import { PathError } from '../errors.ts';

// node:crypto is loaded on first use, not by an import: a hook's one-file lint needs none of it.
const nodeCrypto = () => process.getBuiltinModule('node:crypto');

interface CacheFile {
  key: string;
  files: Record<string, { hash: string; messages: Finding[] }>;
}

export function contentHash(text: string): string {
  return nodeCrypto().createHash('sha1').update(text).digest('base64url');
}

export class LintCache {
  private readonly file: string;
  private readonly key: string;
  private data: CacheFile;
  private dirty = false;

  constructor(file: string, key: string) {
    this.file = file;
    this.key = key;
    this.data = { key, files: {} };
    try {
      const text = readCacheFile(file);
      const stored = text === null ? null : (JSON.parse(text) as unknown);
      if (isObject(stored) && stored.key === key && isObject(stored.files)) this.data = { key, files: stored.files as CacheFile['files'] };
    } catch {
      // Not JSON: start afresh.
    }
  }

  get(filePath: string, hash: string): Finding[] | null {
    if (!Object.hasOwn(this.data.files, filePath)) return null;
    const entry: unknown = this.data.files[filePath];
    if (!isObject(entry) || entry.hash !== hash || !Array.isArray(entry.messages) || !entry.messages.every(isFinding)) return null;
    return entry.messages;
  }

  set(filePath: string, hash: string, messages: Finding[]): void {
    this.data.files[filePath] = { hash, messages };
    this.dirty = true;
  }

  /** Writes the cache file (atomically); a PathError (exit code 2) says why it could not. */
  save(): void {
    if (!this.dirty) return;
    try {
      writeCacheFile(this.file, JSON.stringify(this.data));
    } catch (error) {
      const { code, path: at } = error as NodeJS.ErrnoException;
      const reason =
        code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EROFS'
            ? 'the file system is read-only'
            : code === 'EISDIR'
              ? 'it is a folder'
              : code === 'EEXIST' || code === 'ENOTDIR'
                ? `${at ?? 'a file on its path'} is a file, not a folder`
                : (code ?? (error as Error).message);
      throw new PathError(
        `Cannot write the cache file ${this.file}: ${reason}. Set "cache" in the configuration to a path Hindsight can write, or run without --cache.`,
      );
    }
    this.dirty = false;
  }
}

/** The shape of a cached finding: bump it when Finding changes (2: findings carry messageId). */
export const CACHE_FORMAT = 2;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isPosition = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/** A finding as the linter makes it: anything else in a cache file was not written by Hindsight. */
function isFinding(value: unknown): value is Finding {
  if (!isObject(value)) return false;
  const fix = value.fix;
  return (
    typeof value.ruleId === 'string' &&
    (value.severity === 1 || value.severity === 2) &&
    typeof value.message === 'string' &&
    isPosition(value.line) &&
    isPosition(value.column) &&
    isPosition(value.endLine) &&
    isPosition(value.endColumn) &&
    (fix === undefined || (isObject(fix) && isPosition(fix.start) && isPosition(fix.end) && typeof fix.text === 'string'))
  );
}

export function cacheKey(parts: readonly unknown[]): string {
  return nodeCrypto().createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}
