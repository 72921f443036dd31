// Regular expressions a configuration brings (a frontmatterSchema's `pattern`, allow lists)
// run on RE2JS, a pure-JavaScript port of RE2 (re2js on npm), whose matching is linear in
// the text: JavaScript's own backtracking engine takes exponential time on `^(a+)+$` and a
// few dozen characters, so a pull request's configuration could hang the check. (The native
// `re2` package needs a prebuilt binary downloaded at install time; RE2JS needs none.) The
// price: no lookahead and no backreferences, which RE2 cannot run in linear time; lookbehind
// without captures works. Patterns are written in JavaScript's syntax and translated.
import { createRequire } from 'node:module';
import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';

type Re2js = typeof import('re2js');

let re2js: Re2js | null = null;

/** Loaded when a configuration brings its first pattern: most runs never need it (start-up). */
function engine(): Re2js {
  return (re2js ??= createRequire(import.meta.url)('re2js') as Re2js);
}

/** A pattern the linear-time engine cannot run, and why, in words for the configuration's author. */
export class UnsupportedPattern extends Error {
  override name = 'UnsupportedPattern';
}

/**
 * `pattern` (JavaScript syntax) with JavaScript's flags i, m and s, compiled for RE2JS; the
 * others (g, y, d, u, v) change nothing for a yes/no test. An UnsupportedPattern when it
 * cannot be run in linear time or is not a valid expression.
 */
export function linearRegExp(pattern: string, flags = ''): RegExpLike {
  const { RE2JS } = engine();
  let options = RE2JS.LOOKBEHINDS;
  if (flags.includes('i')) options |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) options |= RE2JS.MULTILINE;
  if (flags.includes('s')) options |= RE2JS.DOTALL;
  let compiled: { test(text: string): boolean };
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(pattern), options);
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    throw new UnsupportedPattern(
      `the pattern ${JSON.stringify(pattern)} cannot be run by the linear-time engine Hindsight uses for configured patterns (${reason}); lookahead and backreferences are not supported`,
    );
  }
  // ajv tells its compiled patterns apart by toString(): each must have its own.
  const key = `re2js:/${pattern}/${flags}`;
  const matcher: RegExpLike & { toString(): string } = { test: (text: string) => compiled.test(text), toString: () => key };
  return matcher;
}

/**
 * The engine for ajv's `code.regExp` option: every `pattern`, `patternProperties` and
 * `propertyNames` pattern of a configured schema runs on RE2JS. (`code` is what ajv's
 * standalone code generation would print; the configured schemas are never compiled that way.)
 */
export const ajvLinearRegExp: RegExpEngine = Object.assign((pattern: string) => linearRegExp(pattern), {
  code: 'linearRegExp',
});
