// The model options a configuration gives: the same for every front end, made once.
import { describe, expect, it } from 'vitest';
import { buildModel, modelOptionsOf } from '../../src/core/build.ts';
import { resolveConfig } from '../../src/lint/config/load.ts';

const config = resolveConfig({ timezone: 'Europe/Berlin', sectionAliases: { '  What Broke, Really?': 'root-cause' } }, null, process.cwd(), new Map());

describe('modelOptionsOf', () => {
  it('gives the configured zone and an alias the model finds however the heading is spelled', () => {
    const options = modelOptionsOf(config);
    expect(options.defaultZone).toBe('Europe/Berlin');
    const { model } = buildModel('/tmp/outage.md', '# Outage\n\n## what broke, really\n\nA full disk.\n', options);
    expect(model.sections.map((s) => s.kind)).toContain('root-cause');
  });

  it('works the options out once per configuration', () => {
    expect(modelOptionsOf(config)).toBe(modelOptionsOf(config));
    const other = resolveConfig({}, null, process.cwd(), new Map());
    expect(modelOptionsOf(other).sectionAliases.size).toBe(0);
    expect(modelOptionsOf(other).defaultZone).toBeNull();
  });
});
