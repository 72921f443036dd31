// `--cache`: a file's findings are kept under the hash of its content, and the whole cache
// under the hash of the configuration and Hindsight's version, so an unchanged file under
// an unchanged configuration is not read again by any rule.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from './engine.ts';

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

  save(): void {
    if (!this.dirty) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.data));
    renameSync(temporary, this.file);
  }
}

export function cacheKey(parts: readonly unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}
