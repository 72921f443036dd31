// Rewrites a bundled chunk so that V8 compiles its functions when it compiles the chunk, and
// so that Node's compile cache keeps them (scripts/build-lib.ts runs it on lib/).
//
// Node's compile cache (bin/hindsight.js turns it on) stores the code V8 made when it compiled
// a module, before the module ran. V8 compiles a function declared as `function f() {}` only at
// its first call, so every run of a hook's one-file lint parsed and compiled again each function
// it called: some 1,000 of them, the largest part of its start-up. V8 compiles at once a function
// expression in parentheses (its PIFE heuristic), and that code is what the cache keeps. So:
//
//   function f(a) {…}             → var f=(function(a){…});   moved to the start of its body or
//                                                              module, where the declaration's
//                                                              binding was made (it is hoisted)
//   a => …, function (a) {…}      → (a => …), (function (a) {…})
//   { m(a) {…} } (object literal) → { m:(function(a){…}) }    (not when it uses `super`, nor
//                                                              for a method named __proto__)
//
// Left as they are: class members, getters and setters, declarations in a block or a `switch`
// (their binding is the block's), `export function` (esbuild writes an export list instead).
// The names of the functions stay: an anonymous function assigned to a name or a property
// takes that name. test/scripts/eager-functions.test.ts holds the rewritten code to the original.
import { parse } from 'acorn';
import type { AnyNode, BlockStatement, FunctionDeclaration, Node, Program, Property } from 'acorn';

interface Patch {
  start: number;
  end: number;
  render: () => string;
}

export function eagerFunctions(source: string): { code: string; functions: number } {
  const program = parse(source, { ecmaVersion: 'latest', sourceType: 'module', preserveParens: true });
  const patches: Patch[] = [];
  let functions = 0;
  /** The source from `start` to `end` with the patches inside it applied (outermost first), but `self`'s. */
  function emit(start: number, end: number, self?: Patch): string {
    let out = '';
    let at = start;
    let low = 0;
    for (let high = patches.length; low < high; ) {
      const mid = (low + high) >> 1;
      if (patches[mid]!.start < start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < patches.length && patches[i]!.start <= end; i++) {
      const patch = patches[i]!;
      if (patch === self || patch.start < at || patch.end > end) continue;
      out += source.slice(at, patch.start) + patch.render();
      at = patch.end;
    }
    return out + source.slice(at, end);
  }

  /** Puts a function expression in parentheses. */
  const parenthesize = (node: AnyNode): void => {
    const patch: Patch = { start: node.start, end: node.end, render: () => `(${emit(node.start, node.end, patch)})` };
    patches.push(patch);
    functions++;
  };

  /** `var f=(function(a){…});` for a declaration moved to the start of its body. */
  const hoisted = (declaration: FunctionDeclaration): string =>
    `var ${declaration.id.name}=(${declaration.async ? 'async ' : ''}function${declaration.generator ? '*' : ''}${emit(declaration.id.end, declaration.end)});`;

  /** Moves the function declarations among `statements` to `at` (after any directive prologue). */
  function hoistDeclarations(statements: readonly (Node & { type: string; directive?: string })[], at: number): void {
    const declarations = statements.filter((s): s is FunctionDeclaration => s.type === 'FunctionDeclaration' && (s as FunctionDeclaration).id !== null);
    if (declarations.length === 0) return;
    let directives = 0;
    while (directives < statements.length && statements[directives]!.directive !== undefined) directives++;
    const insertAt = directives > 0 ? statements[directives - 1]!.end : at;
    patches.push({ start: insertAt, end: insertAt, render: () => declarations.map(hoisted).join('') });
    for (const declaration of declarations) patches.push({ start: declaration.start, end: declaration.end, render: () => '' });
    functions += declarations.length;
  }

  const methodAsProperty = (property: Property): string => {
    const fn = property.value as AnyNode & { async: boolean; generator: boolean };
    const key = property.computed ? `[${emit(property.key.start, property.key.end)}]` : source.slice(property.key.start, property.key.end);
    return `${key}:(${fn.async ? 'async ' : ''}function${fn.generator ? '*' : ''}${emit(fn.start, fn.end)})`;
  };

  // A top-level function named `__lazy…` stays as it is, body and all: compiled at its first
  // call, if any (build-lib.ts wraps the configuration's full validator so).
  const lazy = (program as Program).body.filter(
    (s): s is FunctionDeclaration => s.type === 'FunctionDeclaration' && (s.id?.name.startsWith('__lazy') ?? false),
  );
  const isLazy = (start: number, end: number): boolean => lazy.some((f) => start >= f.start && end <= f.end);
  hoistDeclarations(
    (program as Program).body.filter((s) => !lazy.includes(s as FunctionDeclaration)),
    0,
  );
  const topLevel = patches.length;
  visit(program, null, (node, parent) => {
    switch (node.type) {
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (parent?.type === 'ParenthesizedExpression' || parent?.type === 'MethodDefinition') return;
        if (parent?.type === 'Property' && (parent.method || parent.kind !== 'init')) return;
        parenthesize(node);
        return;
      case 'Property':
        // A method named __proto__ is an own property; `__proto__: …` would set the prototype.
        if (node.kind === 'init' && node.method && !usesSuper(node.value) && !isProtoKey(node)) {
          patches.push({ start: node.start, end: node.end, render: () => methodAsProperty(node) });
          functions++;
        }
        return;
      case 'BlockStatement':
        if (parent && isFunction(parent)) hoistDeclarations((node as BlockStatement).body, node.start + 1);
        return;
    }
  });
  // Of the patches made inside functions, those inside a lazy one go. (`functions` still
  // counts them: it is a figure for the build's log.)
  if (lazy.length > 0) patches.push(...patches.splice(topLevel).filter((patch) => !isLazy(patch.start, patch.end)));
  // By position; at one position an insertion first, then the outer of two nested patches.
  patches.sort((a, b) => a.start - b.start || Number(a.end !== a.start) - Number(b.end !== b.start) || b.end - a.end);
  return { code: emit(0, source.length), functions };
}

function isFunction(node: AnyNode): boolean {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

function isProtoKey(property: Property): boolean {
  const key = property.key;
  return !property.computed && ((key.type === 'Identifier' && key.name === '__proto__') || (key.type === 'Literal' && key.value === '__proto__'));
}

function usesSuper(node: AnyNode): boolean {
  let found = false;
  visit(node, null, (n) => {
    if (n.type === 'Super') found = true;
  });
  return found;
}

/** Calls `enter` on every node under `node`, parents before children. */
function visit(node: AnyNode, parent: AnyNode | null, enter: (node: AnyNode, parent: AnyNode | null) => void): void {
  enter(node, parent);
  for (const value of Object.values(node) as unknown[]) {
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) visit(child, node, enter);
    } else if (isNode(value)) visit(value, node, enter);
  }
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
