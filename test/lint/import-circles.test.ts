// No import circles among the modules of src/ and rules/: a circle makes the order modules
// load in matter, and hides which of two rooms depends on the other. Static imports and
// re-exports count, type-only ones too (as madge counts them); a dynamic import() is a lazy
// load, not a dependency at load time.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve('.');
const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return modules(file);
    return /\.(?:ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Each module's relative imports that are modules of the tree. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => path.resolve(path.dirname(file), m[1]!));
    graph.set(
      file,
      targets.filter((target) => known.has(target)),
    );
  }
  return graph;
}

/** Every circle a depth-first walk meets, each as the path that closes it. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    // An explicit stack (a module and how many of its imports were walked): no recursion.
    const stack: { file: string; next: number }[] = [{ file: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const target = graph.get(top.file)![top.next++];
      if (target === undefined) {
        state.set(top.file, 'done');
        stack.pop();
      } else if (state.get(target) === 'open') {
        const from = stack.findIndex((frame) => frame.file === target);
        found.push([...stack.slice(from).map((frame) => frame.file), target]);
      } else if (!state.has(target)) {
        state.set(target, 'open');
        stack.push({ file: target, next: 0 });
      }
    }
  }
  return found;
}

describe('import circles', () => {
  it('src/ and rules/ have none', () => {
    const files = [...modules(path.join(root, 'src')), ...modules(path.join(root, 'rules'))];
    const graph = importGraph(files);
    expect(graph.size).toBeGreaterThan(100);
    expect([...graph.values()].flat().length).toBeGreaterThan(graph.size);
    expect(circles(graph).map((circle) => circle.map((file) => path.relative(root, file)).join(' → '))).toEqual([]);
  });

  it('the check finds a circle, also one through a type-only import', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    const source = "import type { X } from './x.ts';\nexport { y } from '../y.ts';\nimport './side.ts';\nconst z = import('./lazy.ts');\n";
    expect([...source.matchAll(IMPORT)].map((m) => m[1])).toEqual(['./x.ts', '../y.ts', './side.ts']);
  });
});
