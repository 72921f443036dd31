// The output formats of `hindsight lint`. Each lives in its own module and is imported only
// when chosen, so a one-file lint loads one formatter; only types are imported here.
import type { LintResult, RuleMeta } from '../lint/result.ts';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github';

export const FORMATS: readonly FormatName[] = ['stylish', 'json', 'sarif', 'github'];

export interface FormatContext {
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** ANSI colours (stylish only). */
  color: boolean;
  /** Errors only: warnings are left out of every format. */
  quiet: boolean;
  /** The rule catalogue (SARIF's `tool.driver.rules`). */
  rules: RuleMeta[];
  /** Hindsight's version (SARIF's `tool.driver.version`). */
  version: string;
  /** Stylish: GCC-style `path:line:column: severity message (rule-id)` rows. */
  oneLine?: boolean;
}

export type Formatter = (results: LintResult[], context: FormatContext) => string;

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish': {
      const { formatStylish } = await import('./stylish.ts');
      return (results, context) => {
        const options: Parameters<typeof formatStylish>[1] = { color: context.color, cwd: context.cwd, quiet: context.quiet };
        if (context.oneLine !== undefined) options.oneLine = context.oneLine;
        return formatStylish(results, options);
      };
    }
    case 'json': {
      const { formatJson } = await import('./json.ts');
      return (results, context) => formatJson(context.quiet ? errorsOnly(results) : results);
    }
    case 'sarif': {
      const { formatSarif } = await import('./sarif.ts');
      return (results, context) => formatSarif(context.quiet ? errorsOnly(results) : results, context.rules, { cwd: context.cwd, version: context.version });
    }
    case 'github': {
      const { formatGithub } = await import('./github.ts');
      return (results, context) => formatGithub(context.quiet ? errorsOnly(results) : results, { cwd: context.cwd });
    }
    default:
      throw new Error(`Unknown format "${String(name)}": use one of ${FORMATS.join(', ')}.`);
  }
}

/** The results with their warnings left out, as ESLint's `--quiet` reports them. */
export function errorsOnly(results: LintResult[]): LintResult[] {
  return results.map((r) =>
    r.warningCount === 0 && r.messages.every((m) => m.severity === 2)
      ? r
      : { ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 },
  );
}
