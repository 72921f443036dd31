import { describe, expect, it } from 'vitest';
import { maglevIsOn } from '../../src/cli/short-run.ts';

// `hindsight lint` turns TurboFan off only where Maglev is left to optimise: without either,
// V8 runs baseline code only and a lint takes about half as long again.
describe('maglevIsOn', () => {
  it('is true on Node 22 and later, on x64 and arm64', () => {
    expect(maglevIsOn('22.12.0', 'x64')).toBe(true);
    expect(maglevIsOn('24.11.1', 'arm64')).toBe(true);
  });
  it('is false on Node 20 and 21, where Node leaves Maglev off', () => {
    expect(maglevIsOn('20.19.5', 'x64')).toBe(false);
    expect(maglevIsOn('21.7.3', 'arm64')).toBe(false);
  });
  it('is false on machines Maglev does not build for', () => {
    expect(maglevIsOn('24.11.1', 'riscv64')).toBe(false);
    expect(maglevIsOn('24.11.1', 'ppc64')).toBe(false);
  });
});
