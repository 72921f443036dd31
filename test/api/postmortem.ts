// The postmortem the library, remark plugin and editor tests lint, the date they lint it on
// and the temporary folders they lint it in.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** The "now" the tests lint on: OUT_OF_ORDER's action item is due long after it. */
export const NOW = new Date('2025-03-01T00:00:00Z');

/**
 * A maker of temporary project folders for one test file (`prefix` names them): each call
 * writes `files` (path → text) into a new folder and returns its real path; the folders are
 * removed after the file's tests.
 */
export function temporaryFolders(prefix: string): (files: Record<string, string>) => string {
  const folders: string[] = [];
  afterAll(() => {
    for (const root of folders) rmSync(root, { recursive: true, force: true });
  });
  return (files) => {
    const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
    folders.push(root);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    return root;
  };
}

/** A short postmortem whose timeline goes back in time at line 14 and whose severity is written "sev2". */
export const OUT_OF_ORDER = `---
severity: sev2
---
# Payments API returned errors

## Summary

From 2025-02-03 14:00 UTC to 2025-02-03 15:10 UTC the payments API failed 12% of card payments.

## Timeline

- 14:00 UTC a deploy of the payments API starts
- 14:20 UTC the on-call engineer rolls the deploy back
- 14:05 UTC the error-rate alert pages the on-call engineer
- 15:10 UTC the error rate is back to normal

## Root cause

The deploy read the card network's timeout from a setting that was empty.

## Action items

- [ ] Refuse to start with an empty timeout setting (@kim, PAY-88, due 2099-03-01)
`;

/** Where timeline-order reports OUT_OF_ORDER's entry at line 14: the whole entry after its "- ". */
export const ORDER_PLACE = {
  start: { line: 14, column: 3 },
  end: { line: 14, column: 3 + '14:05 UTC the error-rate alert pages the on-call engineer'.length },
};
