// Shared by the rules that find sensitive text (no-secrets, no-pii): a finding names
// what it found without repeating it, and user-given allow patterns are read one way.
import { linearRegExp } from '../../config/regexp.ts';

/**
 * The value with all but its first characters replaced by "…": at most 4 are kept, and
 * at most a quarter of the value, so a short password keeps one or two characters.
 */
export function mask(value: string): string {
  const keep = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, keep)}…`;
}

/**
 * A matcher for allow-list entries as secretlint reads its `allows` option: a string is
 * a literal to find anywhere in the value (case-sensitive); "/pattern/flags" is a
 * regular expression, run in linear time (the configuration may come from a pull request:
 * see config/regexp.ts). An entry that is not a valid expression is taken literally; one
 * the linear-time engine cannot run is refused when the configuration loads.
 */
export function allowMatcher(entries: readonly string[]): (value: string) => boolean {
  if (entries.length === 0) return () => false;
  const tests = entries.map((entry): ((value: string) => boolean) => {
    const pattern = allowPattern(entry);
    if (pattern) {
      try {
        const regex = linearRegExp(pattern.source, pattern.flags);
        return (value) => regex.test(value);
      } catch {
        // refused when the configuration loaded; never reached from it
      }
    }
    return (value) => value.includes(entry);
  });
  return (value) => tests.some((test) => test(value));
}

/** The expression of an allow-list entry written "/pattern/flags" that JavaScript can read, or null for a literal. */
export function allowPattern(entry: string): { source: string; flags: string } | null {
  const re = /^\/(.+)\/([dgimsuvy]*)$/s.exec(entry);
  if (!re) return null;
  try {
    new RegExp(re[1]!, re[2]!);
  } catch {
    return null;
  }
  return { source: re[1]!, flags: re[2]! };
}
