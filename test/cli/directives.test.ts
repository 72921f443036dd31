// Inline directives through the process: disable/enable blocks, disable-next-line with a
// reason, disable-line; unknown rule ids and directives that disabled nothing are reported
// by the `directives` rule. (More cases, in process: test/lint/directives.test.ts.)
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace, hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

const DOCUMENT = `---
severity: SEV2
---

# Database outage

## Summary

The primary database was unavailable for 45 minutes, from 2024-03-02 09:00 UTC to 2024-03-02 09:45 UTC. 1,200 users saw errors.

<!-- hindsight-disable no-pii -->
Customers wrote to ana.lopez@acme-mail.io and bob.smith@acme-mail.io.
<!-- hindsight-enable no-pii -->

Then carol.jones@acme-mail.io wrote too.

## Timeline

All times UTC.

- 09:00 Alert fired for replication lag
- 09:10 On-call engineer acknowledged
<!-- hindsight-disable-next-line timeline-order -- clock skew on the host, see OPS-12 -->
- 09:05 Failover started
- 09:45 Service restored <!-- hindsight-disable-line blameless-language -->
- 09:46 Ana should have checked the disk <!-- hindsight-disable-line blameless-language -->

## Root Cause

A full disk on the primary stopped writes.
<!-- hindsight-disable-next-line no-secrets -->
Nothing secret here.
<!-- hindsight-disable made-up-rule no-pii -->
Mail dave.brown@acme-mail.io.

## Corrective and Preventative Measures

- Add a disk usage alert (OPS-1)
- Rotate the logs daily (OPS-2)
`;

describe('inline directives', () => {
  it('suppress what they name, where they say; the directives rule reports the rest', async () => {
    const root = project({ 'postmortems/d.md': DOCUMENT });
    const run = await hindsight(['lint', '--format', 'json'], root);
    expect(run.code).toBe(0);
    expectNoStackTrace(run.stderr);
    const [result] = parseJson(run.stdout);
    expect(result!.messages.map((m) => [m.line, m.column, m.ruleId, m.severity])).toEqual([
      // The e-mail after the enable is reported; the two inside the block and the one after
      // "disable made-up-rule no-pii" are not.
      [15, 6, 'no-pii', 1],
      // The disable-line on a line with nothing to disable.
      [25, 26, 'directives', 1],
      // The disable-next-line whose next line has no secret.
      [31, 1, 'directives', 1],
      // The unknown rule id.
      [33, 1, 'directives', 1],
    ]);
    expect(result!.messages[1]!.message).toBe(
      'This hindsight-disable-line directive disabled nothing (no finding of blameless-language on line 25): remove it.',
    );
    expect(result!.messages[2]!.message).toBe('This hindsight-disable-next-line directive disabled nothing (no finding of no-secrets on line 32): remove it.');
    expect(result!.messages[3]!.message).toBe('Unknown rule "made-up-rule" in a hindsight-disable directive: `hindsight rules` lists the rule ids.');
    // Nothing from the reason after "--" is read as a rule id: it is the suppression's justification.
    expect(JSON.stringify(result!.messages)).not.toContain('clock');
    expect(result!.suppressedMessages.find((m) => m.ruleId === 'timeline-order')!.suppressions).toEqual([
      { kind: 'directive', justification: 'clock skew on the host, see OPS-12' },
    ]);
  });
});
