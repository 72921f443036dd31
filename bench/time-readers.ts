// Micro-benchmark of the four time readers: the optimised ones (src/core/time/read.ts)
// against the frozen pre-optimisation reference (test/core/time/reference/read.ts), on two
// workloads read from the shared public corpus and postmortems/:
//   lines   every line, bare and "- **"-decorated, through each reader (as the differential
//           test does);
//   model   the very calls buildModel makes on those files (recorded once by wrapping the
//           readers the model imports), replayed.
// Both sides run in this process, interleaved in chunks of CHUNK calls: each chunk is read
// REPEAT times by each side in alternation and the fastest of those counts, so that drift
// of the machine's speed hits both alike and a preemption by another process (a shared
// machine) does not land on one side only. Neither side keeps a memo, so a repeat costs
// as much as the first read. Each reader's figure is the median over rounds of reference
// time / optimised time.
//
//   node_modules/.bin/node bench/time-readers.ts [rounds]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as current from '../src/core/time/read.ts';
import * as reference from '../test/core/time/reference/read.ts';

type Readers = Pick<typeof current, 'readLeadingTime' | 'readDateOnly' | 'readDateTime' | 'readTimeRange'>;
type Call = (r: Readers) => unknown;

const root = fileURLToPath(new URL('..', import.meta.url));
const dirs = [path.join(root, 'postmortems'), path.join(root, '..', 'shared', 'corpus', 'public')];
const rounds = Number(process.argv[2] ?? 15);
const CHUNK = 50;
const REPEAT = 3;

const files = dirs.filter(existsSync).flatMap((dir) =>
  readdirSync(dir).filter((n) => n.endsWith('.md')).sort().map((n) => path.join(dir, n)));
const sources = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));

function lineWorkload(): Array<[string, Call[]]> {
  const texts = sources.flatMap((s) => s.text.split(/\r?\n/)).flatMap((line) => [line, `- **${line}`]);
  return [
    ['readLeadingTime(text)', texts.map((t) => (r: Readers) => r.readLeadingTime(t))],
    ['readLeadingTime(text, 0)', texts.map((t) => (r: Readers) => r.readLeadingTime(t, 0))],
    ['readDateOnly(text)', texts.map((t) => (r: Readers) => r.readDateOnly(t))],
    ['readDateTime(text)', texts.map((t) => (r: Readers) => r.readDateTime(t))],
    ['readTimeRange(text)', texts.map((t) => (r: Readers) => r.readTimeRange(t))],
  ];
}

interface Recorded {
  reader: 'readLeadingTime' | 'readDateOnly' | 'readDateTime' | 'readTimeRange';
  text: string;
  maxLead: number | undefined;
}

/** The calls buildModel makes: its imports of read.ts are pointed at a recording wrapper. */
async function modelWorkload(): Promise<Array<[string, Call[]]>> {
  const readUrl = new URL('../src/core/time/read.ts', import.meta.url).href;
  const store = '__hindsightTimeReaderCalls';
  const wrapper = [
    `import * as real from ${JSON.stringify(`${readUrl}?recorded`)};`,
    `export * from ${JSON.stringify(`${readUrl}?recorded`)};`,
    `const calls = (globalThis[${JSON.stringify(store)}] ??= []);`,
    ...['readLeadingTime', 'readDateOnly', 'readDateTime', 'readTimeRange'].map((name) =>
      `export function ${name}(text, maxLead) { calls.push({ reader: '${name}', text, maxLead }); return real.${name}(...arguments); }`),
  ].join('\n');
  const wrapperUrl = `data:text/javascript,${encodeURIComponent(wrapper)}`;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      const parent = context.parentURL ?? '';
      if (resolved.url !== readUrl || parent === import.meta.url || parent.startsWith('data:')) return resolved;
      return { url: wrapperUrl, format: 'module', shortCircuit: true };
    },
  });
  const { buildModel } = (await import('../src/core/build.ts')) as typeof import('../src/core/build.ts');
  for (const s of sources) buildModel(s.file, s.text);
  const calls = ((globalThis as Record<string, unknown>)[store] ?? []) as Recorded[];
  const groups = new Map<string, Call[]>();
  for (const c of calls) {
    const name = c.reader === 'readLeadingTime' ? `readLeadingTime(text${c.maxLead === undefined ? '' : `, ${c.maxLead}`})` : `${c.reader}(text)`;
    const call: Call = c.reader === 'readLeadingTime' ? (r) => r.readLeadingTime(c.text, c.maxLead) : (r) => r[c.reader](c.text);
    groups.set(name, [...(groups.get(name) ?? []), call]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

let sink = 0;
function time(impl: Readers, calls: readonly Call[], from: number, to: number): number {
  const start = performance.now();
  for (let i = from; i < to; i++) if (calls[i]!(impl) !== null) sink++;
  return performance.now() - start;
}

/** One round of one reader: [reference ms, optimised ms], interleaved chunk by chunk. */
function round(calls: readonly Call[]): [number, number] {
  let ref = 0;
  let opt = 0;
  for (let from = 0, k = 0; from < calls.length; from += CHUNK, k++) {
    const to = Math.min(calls.length, from + CHUNK);
    let r = Infinity;
    let o = Infinity;
    for (let j = 0; j < REPEAT; j++) {
      if ((k + j) % 2 === 0) {
        r = Math.min(r, time(reference, calls, from, to));
        o = Math.min(o, time(current, calls, from, to));
      } else {
        o = Math.min(o, time(current, calls, from, to));
        r = Math.min(r, time(reference, calls, from, to));
      }
    }
    ref += r;
    opt += o;
  }
  return [ref, opt];
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function report(title: string, groups: ReadonlyArray<readonly [string, readonly Call[]]>): void {
  for (const [, calls] of groups) round(calls); // warm-up: JIT, chrono's lazily built patterns
  console.log(`\n${title}; ${rounds} rounds, interleaved by chunks of ${CHUNK} calls (fastest of ${REPEAT})`);
  console.log(`${'reader'.padEnd(26)}${'calls'.padStart(7)}${'reference ms'.padStart(14)}${'optimised ms'.padStart(14)}${'speed-up (median)'.padStart(19)}${'min–max'.padStart(12)}`);
  let totalRef = 0;
  let totalNew = 0;
  for (const [name, calls] of groups) {
    const ref: number[] = [];
    const opt: number[] = [];
    const ratios: number[] = [];
    for (let k = 0; k < rounds; k++) {
      const [r, o] = round(calls);
      ref.push(r);
      opt.push(o);
      ratios.push(r / o);
    }
    totalRef += median(ref);
    totalNew += median(opt);
    const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    console.log(`${name.padEnd(26)}${String(calls.length).padStart(7)}${median(ref).toFixed(1).padStart(14)}${median(opt).toFixed(1).padStart(14)}${`${median(ratios).toFixed(2)}×`.padStart(19)}${range.padStart(12)}`);
  }
  console.log(`${'all (sum of medians)'.padEnd(33)}${totalRef.toFixed(1).padStart(14)}${totalNew.toFixed(1).padStart(14)}${`${(totalRef / totalNew).toFixed(2)}×`.padStart(19)}`);
}

console.log(`time readers over ${sources.length} files`);
report('lines: every line, bare and "- **"-decorated', lineWorkload());
report('model: the calls buildModel makes on those files', await modelWorkload());
if (sink < 0) console.log(sink);
