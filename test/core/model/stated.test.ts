// What the body states besides times: severity and services, read where the frontmatter
// does not give them, as `inspect --format json` shows them under `stated`.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/core/build.ts';
import { inspectJson } from '../../../src/report/inspect.ts';

const stated = (...lines: string[]): unknown => inspectJson(buildModel('pm.md', lines.join('\n')).model).stated;

describe('stated severity and services', () => {
  it('field lines in the opening, emphasis and list markers aside', () => {
    expect(
      stated('# Queue stalled', '', '**Severity:** Sev-2 (major)', '- Services affected: ingest, billing and search', '', '## Summary', '', 'Jobs waited.'),
    ).toEqual({
      severity: { value: 'SEV2', line: 3 },
      services: { value: ['ingest', 'billing', 'search'], line: 4 },
    });
  });

  it('a metadata table under the title', () => {
    expect(
      stated(
        '# Login errors',
        '',
        '| Field | Value |',
        '| --- | --- |',
        '| Priority | P1 |',
        '| Impacted systems | auth-api; session store |',
        '',
        '## Timeline',
        '',
        '- 10:02 errors',
      ),
    ).toEqual({
      severity: { value: 'P1', line: 5 },
      services: { value: ['auth-api', 'session store'], line: 6 },
    });
  });

  it('a Severity section: the label its first paragraph opens with', () => {
    expect(stated('# Gateway down', '', '## Severity', '', '*High* - most requests failed for an hour.', '', '## Impact', '', 'Every region.')).toEqual({
      severity: { value: 'High', line: 5 },
      services: null,
    });
  });

  it('a sentence is not a severity, nor prose a list of services', () => {
    expect(
      stated(
        '# Cache flush',
        '',
        'Severity: we argued about it for a long time in the review',
        'System: our cache had no eviction policy and filled up over the weekend',
        '',
        '## Summary',
        '',
        'Severity: TBD',
      ),
    ).toEqual({ severity: null, services: null });
  });

  it('the timeline and action items are not read for fields', () => {
    expect(stated('# Disk full', '', '## Timeline', '', '- 10:00 Severity: SEV1 declared', '', '## Action items', '', '- Service: add alerts')).toEqual({
      severity: null,
      services: null,
    });
  });
});
