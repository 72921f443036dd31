// A `hindsight lint` process lives for seconds. V8's top tier, TurboFan, compiles a run's hot
// functions on another thread, and in a run that short the compiling costs more CPU time than
// the faster code gives back (docs/performance.md has the figures). Maglev, the tier below,
// still optimises. Set by the command line only, in its own process: V8's flags are the
// whole process's, worker threads' included.
/** Node turns Maglev on from Node 22 (V8 12.4), on these machines; elsewhere TurboFan is the only optimising tier. */
const MAGLEV_ARCHES = new Set(['x64', 'arm64']);

export function maglevIsOn(nodeVersion = process.versions.node, arch: string = process.arch): boolean {
  return MAGLEV_ARCHES.has(arch) && Number(nodeVersion.split('.')[0]) >= 22;
}

/** Tells V8 this process is a short run: no TurboFan, where Maglev remains to optimise. */
export function compileForShortRun(): void {
  // node:v8 only when it is needed: an ES import of a builtin reads all its lazy exports at start-up.
  if (maglevIsOn()) process.getBuiltinModule('node:v8').setFlagsFromString('--no-turbofan');
}
