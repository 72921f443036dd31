// Shared by the rules that find sensitive text (no-secrets, no-pii): a finding names
// what it found without repeating it, and user-given allow patterns are read one way.

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
 * regular expression. An entry that is not a valid expression is taken literally.
 */
export function allowMatcher(entries: readonly string[]): (value: string) => boolean {
  if (entries.length === 0) return () => false;
  const tests = entries.map((entry): ((value: string) => boolean) => {
    const re = /^\/(.+)\/([dgimsuvy]*)$/s.exec(entry);
    if (re) {
      try {
        const regex = new RegExp(re[1]!, re[2]!.replace(/[gy]/g, ''));
        return (value) => regex.test(value);
      } catch {
        // not an expression: a literal
      }
    }
    return (value) => value.includes(entry);
  });
  return (value) => tests.some((test) => test(value));
}
