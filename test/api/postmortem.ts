// The postmortem the library, remark plugin and editor tests lint.

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
