// Preloaded into a measured process (`node --import ./bench/peak-memory.mjs …`): at exit it
// writes the process's peak resident memory and the CPU time it used, both for the whole
// process (worker threads and V8's own helper threads included: getrusage(RUSAGE_SELF)), to the
// file named by HINDSIGHT_PEAK_FILE as JSON, so benchmarks need no platform tool to measure it.
// JavaScript, not TypeScript: a TypeScript preload makes Node load its type stripper into every
// measured process (50–70 ms of CPU time), which is the benchmark's cost, not the measured one's.
import { writeFileSync } from 'node:fs';

const target = process.env.HINDSIGHT_PEAK_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ peakBytes: usage.maxRSS * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
