// `--cache`: a file's findings are kept under the hash of its content, and the whole cache
// under the hash of the configuration and Hindsight's version, so an unchanged file under
// an unchanged configuration is not read again by any rule.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from './engine.ts';
import { PathError } from './files.ts';

interface CacheFile {
  key: string;
  files: Record<string, { hash: string; messages: Finding[] }>;
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
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
      const stored = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (stored && stored.key === key && typeof stored.files === 'object') this.data = stored;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  get(filePath: string, hash: string): Finding[] | null {
    const entry = this.data.files[filePath];
    return entry && entry.hash === hash ? entry.messages : null;
  }

  set(filePath: string, hash: string, messages: Finding[]): void {
    this.data.files[filePath] = { hash, messages };
    this.dirty = true;
  }

  /** Writes the cache file (atomically); a PathError (exit code 2) says why it could not. */
  save(): void {
    if (!this.dirty) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify(this.data));
      renameSync(temporary, this.file);
    } catch (error) {
      rmSync(temporary, { force: true, recursive: true });
      const { code, path: at } = error as NodeJS.ErrnoException;
      const reason =
        code === 'EACCES' || code === 'EPERM' ? 'permission denied'
        : code === 'EROFS' ? 'the file system is read-only'
        : code === 'EISDIR' ? 'it is a folder'
        : code === 'EEXIST' || code === 'ENOTDIR' ? `${at ?? 'a file on its path'} is a file, not a folder`
        : code ?? (error as Error).message;
      throw new PathError(`Cannot write the cache file ${this.file}: ${reason}. Set "cache" in the configuration to a path Hindsight can write, or run without --cache.`);
    }
    this.dirty = false;
  }
}

export function cacheKey(parts: readonly unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}
