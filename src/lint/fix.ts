// Applying fixes: non-overlapping replacements, each touching only its own span, so every
// byte outside the fixed spans is kept as it was.
import type { Finding } from './engine.ts';

export interface FixOutcome {
  output: string;
  /** Findings whose fix was applied. */
  applied: Finding[];
}

export function applyFixes(source: string, findings: readonly Finding[]): FixOutcome {
  const fixable = findings.filter((f) => f.fix).sort((a, b) => a.fix!.start - b.fix!.start || a.fix!.end - b.fix!.end);
  const applied: Finding[] = [];
  let output = '';
  let cursor = 0;
  for (const finding of fixable) {
    const fix = finding.fix!;
    if (fix.start < cursor || fix.end < fix.start || fix.end > source.length) continue; // overlaps an earlier fix: next pass
    output += source.slice(cursor, fix.start) + fix.text;
    cursor = fix.end;
    applied.push(finding);
  }
  output += source.slice(cursor);
  return { output, applied };
}
