import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: on a busy machine (other jobs on the same cores) a test may take many times
    // as long as alone. No test asserts a wall-clock time; these limits only end a hang.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // expect.poll (the site's browser tests) waits up to this long for a page to settle.
    expect: { poll: { timeout: 60_000 } },
    // gc(): the CPU-time measures (test/helpers/growth.ts) collect the garbage of building an
    // input before they time calls on it.
    execArgv: ['--expose-gc'],
  },
});
