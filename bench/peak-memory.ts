// Preloaded into a measured process (`node --import ./bench/peak-memory.ts …`): at exit it
// writes the process's peak resident memory (worker threads included) to the file named
// by HINDSIGHT_PEAK_FILE, so benchmarks need no platform tool to measure it.
import { writeFileSync } from 'node:fs';

const target = process.env['HINDSIGHT_PEAK_FILE'];
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
