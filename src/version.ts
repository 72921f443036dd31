import { readFileSync } from 'node:fs';

let packageVersion: string | null = null;

/**
 * Hindsight's version, from its package.json: one folder up from src/ and from the bundled
 * lib/, two from lib/api/ (the library's build).
 */
export function version(): string {
  if (packageVersion !== null) return packageVersion;
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'hindsight-postmortems' && typeof pkg.version === 'string') return (packageVersion = pkg.version);
    } catch {}
  }
  return (packageVersion = '0.0.0');
}
