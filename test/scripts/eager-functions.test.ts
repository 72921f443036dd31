// scripts/eager-functions.ts rewrites the bundle's functions so that V8 compiles them with their
// chunk: the rewritten code must do exactly what the original does, and Node's compile cache
// must then hold every function a run calls, so that a second run compiles none of them.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eagerFunctions } from '../../scripts/eager-functions.ts';
import { tempDir, write } from '../hooks/helpers.ts';

// One module using each form the rewrite touches or must leave alone; `result` is what it computed.
const SAMPLE = `
'use strict';
export const early = twice(4) + later.name + String(typeof later);
function twice(n) { return n * 2; }
async function later() { return 'later'; }
function* counter(limit) { for (let i = 0; i < limit; i++) yield i; }
function withPrologue(a) {
  'use strict';
  const before = inner(a);
  function inner(x) { return x + 1; }
  return [before, inner.name, typeof this];
}
function shadowsParameter(f) {
  const got = typeof f;
  function f() { return 'declared'; }
  return [got, f()];
}
function blockScoped(flag) {
  const seen = [];
  if (flag) {
    seen.push(inBlock());
    function inBlock() { return 'block'; }
  }
  switch (flag) {
    case true: {
      function inCase() { return 'case'; }
      seen.push(inCase());
    }
  }
  return seen;
}
function defaults(a, b = () => a * 3, c = function named() { return named.name; }) { return [b(), c(), arguments.length]; }
const curried = a => b => c => a + b + c;
const asyncArrow = async (x) => x * 5;
class Base { greet() { return 'base'; } static make() { return new this(); } get kind() { return 'b'; } }
const methods = {
  plain(x) { return x + 100; },
  async later(x) { return x + 200; },
  *gen() { yield 1; yield 2; },
  ['comp' + 'uted'](x) { return x + 300; },
  'quoted key'() { return 'quoted'; },
  prop: function (x) { return x + 400; },
  arrow: (x) => x + 500,
  get getter() { return 'got'; },
  set setter(v) { this.stored = v; },
  counter() { return this === methods; },
  __proto__() { return 'own'; },
};
const child = { __proto__: Base.prototype, greet() { return 'child+' + super.greet(); } };
const commonJs = { 'node_modules/x/index.js'(exports, module) { function helper() { return 7; } module.exports = { helper }; } };
const loaded = { exports: {} };
commonJs['node_modules/x/index.js'](loaded.exports, loaded);
const names = [twice, later, counter, curried, asyncArrow, methods.plain, methods.later, methods.gen, methods.computed, methods.prop, methods.arrow, Base.prototype.greet, child.greet]
  .map((f) => f.name);
export const result = Promise.all([later(), asyncArrow(2), methods.later(1)]).then((awaited) => ({
  early, awaited, names,
  gen: [...counter(3)], methodGen: [...methods.gen()],
  withPrologue: withPrologue(1), shadowsParameter: shadowsParameter(1),
  blockScoped: blockScoped(true), blockScopedOff: blockScoped(false),
  defaults: defaults(2), curried: curried(1)(2)(3),
  methods: [methods.plain(1), methods.computed(1), methods['quoted key'](), methods.prop(1), methods.arrow(1), methods.getter, methods.counter()],
  ownProto: [Object.hasOwn(methods, '__proto__'), Object.getPrototypeOf(methods) === Object.prototype],
  setter: (methods.setter = 9, methods.stored),
  classes: [Base.make().greet(), new Base().kind, child.greet()],
  commonJs: loaded.exports.helper(),
  lengths: [twice.length, defaults.length, methods.plain.length],
}));
`;

async function evaluate(dir: string, name: string, code: string): Promise<unknown> {
  const file = write(dir, name, code);
  return (await import(pathToFileURL(file).href)).result;
}

describe('eager functions (the bundle is rewritten for the compile cache)', () => {
  it('the rewritten module computes exactly what the original computes', async () => {
    const temp = tempDir('eager');
    try {
      const { code, functions } = eagerFunctions(SAMPLE);
      expect(functions).toBeGreaterThan(20);
      expect(code).not.toBe(SAMPLE);
      const original = await evaluate(temp.dir, 'original.mjs', SAMPLE);
      expect(await evaluate(temp.dir, 'rewritten.mjs', code)).toEqual(original);
      expect(original).toMatchObject({ early: '8laterfunction', blockScoped: ['block', 'case'], classes: ['base', 'b', 'child+base'], ownProto: [true, true] });
    } finally {
      temp.remove();
    }
  });

  it('leaves alone what must stay: class members, accessors, a method using super, block-level declarations, the prologue', () => {
    const { code } = eagerFunctions(SAMPLE);
    expect(code).toContain('class Base { greet() {');
    expect(code).toContain("get getter() { return 'got'; }");
    expect(code).toContain("greet() { return 'child+' + super.greet(); }");
    expect(code).toContain("function inBlock() { return 'block'; }");
    expect(code).toContain("'use strict';var twice=(function(n)");
    expect(code).toContain("'use strict';var inner=(function(x)");
    expect(code).toContain('plain:(function(x) { return x + 100; })');
  });

  it('leaves a top-level function named __lazy… as it is, body and all (compiled only if called)', async () => {
    const lazy = 'function __lazyValidator() { function check(x) { return x > 1; } return (y) => check(y); }\n';
    const source = `${lazy}function eager(a) { return [1, 2].map((n) => n + a); }\nexport const result = [eager(1), __lazyValidator()(2)];\n`;
    const { code } = eagerFunctions(source);
    expect(code).toContain(lazy.trim());
    expect(code).toContain('var eager=(function(a)');
    expect(code).toContain('((n) => n + a)');
    const temp = tempDir('eager-lazy');
    try {
      expect(await evaluate(temp.dir, 'lazy.mjs', code)).toEqual([[2, 3], true]);
    } finally {
      temp.remove();
    }
  });

  it("with Node's compile cache, a second run compiles none of the functions it calls (the original compiles each again)", () => {
    const temp = tempDir('eager-cache');
    try {
      const lazyCompiles = (name: string, code: string): number => {
        const module = write(temp.dir, `${name}.mjs`, code);
        const main = write(
          temp.dir,
          `${name}-main.mjs`,
          `import module from 'node:module';\nmodule.enableCompileCache(${JSON.stringify(path.join(temp.dir, `cache-${name}`))});\nawait (await import(${JSON.stringify(pathToFileURL(module).href)})).result;\n`,
        );
        const log = path.join(temp.dir, `${name}.log`);
        let compiled = -1;
        for (let run = 0; run < 2; run++) {
          rmSync(log, { force: true });
          const r = spawnSync(process.execPath, ['--log-function-events', `--logfile=${log}`, '--no-logfile-per-isolate', main], { encoding: 'utf8' });
          expect(r.status, r.stderr).toBe(0);
          const lines = readFileSync(log, 'latin1').split('\n');
          const ids = new Set(lines.filter((l) => l.startsWith('script-details,') && l.includes(`/${name}.mjs,`)).map((l) => l.split(',')[1]));
          compiled = lines.filter((l) => l.startsWith('function,parse-function,') && ids.has(l.split(',')[2])).length;
        }
        return compiled;
      };
      // Only what is left alone is compiled again: class members, accessors, the method using
      // super, block-level declarations; and an async arrow function, which V8 does not compile
      // eagerly in parentheses (it counts twice: the arrow and its body).
      const leftAlone = ['greet', 'make', 'kind', 'getter', 'setter', 'child.greet', '__proto__', 'inBlock', 'inCase', 'asyncArrow', 'asyncArrow body'].length;
      expect(lazyCompiles('original', SAMPLE)).toBeGreaterThan(25);
      expect(lazyCompiles('rewritten', eagerFunctions(SAMPLE).code)).toBeLessThanOrEqual(leftAlone);
    } finally {
      temp.remove();
    }
  });
});
