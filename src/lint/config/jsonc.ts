// JSON with comments (`.hindsightrc.jsonc`, `hindsight.config.jsonc`), as VS Code and
// markdownlint-cli2 read it: // and /* */ comments and trailing commas. Microsoft's
// jsonc-parser (VS Code's own) reads it, loaded only when such a file is read.
import { createRequire } from 'node:module';
import type { Node, ParseError } from 'jsonc-parser';
import { ConfigError } from '../../errors.ts';

type JsoncParser = typeof import('jsonc-parser');
let parser: JsoncParser | null = null;

function loadParser(): JsoncParser {
  return (parser ??= createRequire(import.meta.url)('jsonc-parser') as JsoncParser);
}

/** A JSONC text's value; a ConfigError with line:column at the first problem. */
export function parseJsonc(text: string, label: string): unknown {
  const { parseTree, printParseErrorCode } = loadParser();
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const problem = errors[0];
  if (problem || !tree) {
    const { line, column } = lineColumn(text, problem?.offset ?? 0);
    const what = problem ? words(printParseErrorCode(problem.error)) : 'value expected';
    throw new ConfigError(`Invalid JSONC in ${label}:${line}:${column}: ${what}.`);
  }
  return treeValue(tree);
}

/**
 * The value of a parse tree. Not jsonc-parser's getNodeValue: it assigns keys, so a key
 * "__proto__" would set the object's prototype instead of being a key (JSON.parse keeps it
 * as a key, which the schema then refuses as unknown).
 */
function treeValue(node: Node): unknown {
  if (node.type === 'array') return (node.children ?? []).map(treeValue);
  if (node.type !== 'object') return node.value;
  const object: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    Object.defineProperty(object, String(key.value), { value: treeValue(value), enumerable: true, writable: true, configurable: true });
  }
  return object;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** "CommaExpected" → "comma expected". */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
