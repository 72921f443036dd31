// A small archive whose every field that reaches a page, the feed or the search index carries
// script of our own, for the site's browser test. Each payload names the field it sits in,
// so a payload that runs says where (window.__pwned, or the message of a dialog).
//
// `scriptEverywhere` passes lint with no error under `HOSTILE_CONFIG` (which lets severity and
// status be free text, as a team's own schema may): the build publishes it.
// `controlCharacters` is a valid postmortem whose text is full of characters XML forbids.

/** The word the search test looks for: it is in the hostile document's body only. */
export const SEARCH_WORD = 'platypusword';
export const HOSTILE_ID = 'INC-9001';
export const CONTROL_ID = 'INC-9002';

/** Script in every shape that might survive one layer of escaping or decoding. */
export function payloads(where: string): string[] {
  const run = `window.__pwned='${where}';alert('${where}')`;
  return [
    `<img src=x onerror="${run}">`,
    `<svg onload="${run}">`,
    `</script><script>${run}</script>`,
    `"><script>${run}</script>`,
    `'><img src=x onerror=${run.replace(/'/g, '`')}>`,
    `javascript:${run}`,
    `&lt;img src=x onerror="${run}"&gt;`,
    `&#x3C;svg onload="${run}"&#x3E;`,
    `\u2028</script><script>${run}</script>`,
  ];
}

const quoted = (text: string): string => JSON.stringify(text);
const yamlList = (items: string[]): string => `[${items.map(quoted).join(', ')}]`;
const oneLine = (where: string): string => payloads(where).join(' ');

/** The configuration of the test's project: severity and status as free text. */
export const HOSTILE_CONFIG = JSON.stringify({
  frontmatterSchema: { properties: { severity: { type: 'string' }, status: { type: 'string' } } },
});

/** Frontmatter and body of the hostile postmortem, every field with payloads. */
export function scriptEverywhere(): string {
  return `---
id: ${quoted(HOSTILE_ID)}
title: ${quoted(`Payload title ${oneLine('fm-title')}`)}
date: 2026-03-10
severity: ${quoted(`SEV2 ${oneLine('severity')}`)}
status: ${quoted(`published ${oneLine('status')}`)}
authors: ${yamlList(payloads('authors'))}
services: ${yamlList(['ledger', ...payloads('services')])}
tags: ${yamlList(['payload', ...payloads('tags')])}
contributing_factors: ${yamlList(['lock lease', ...payloads('factors')])}
trigger: ${yamlList(['worker crash', ...payloads('trigger')])}
related: ${yamlList([CONTROL_ID])}
incident_start: 2026-03-10T10:00:00Z
incident_end: 2026-03-10T11:00:00Z
detected: 2026-03-10T10:10:00Z
resolved: 2026-03-10T11:00:00Z
timezone: UTC
---

# Payload heading ${payloads('h1')[6]}

## Summary

A ledger export stalled for one hour, 60 minutes, and 3,400 statements were late. Canary word: ${SEARCH_WORD}. The text below quotes markup as text: ${payloads('body-text')[6]} and \`${payloads('body-code')[0]}\`.

Duration: 1 hour ${payloads('duration').slice(6, 8).join(' ')}

## Impact

3,400 customers received their statement 60 minutes late.

## Timeline

- 10:00 UTC: The export job stalls. ${payloads('timeline-1')[6]} ${payloads('timeline-1')[7]}
- 10:10 UTC: An alert fires. \`${payloads('timeline-2')[0]}\`
- 10:30 UTC: The job is restarted. ${payloads('timeline-3')[5]}
- 11:00 UTC: Statements are delivered.

## Root Cause

A lock was held by a crashed worker ${payloads('root')[6]}, so the export waited on it until the lock expired.

### Heading ${payloads('h3')[6]} ${payloads('h3')[7]}

The lock had a one-hour lease.

## Corrective and Preventative Measures

| Action | Owner | Ticket | Due |
|---|---|---|---|
| Shorten the lock lease ${payloads('item-text')[6]} | @owner${payloads('item-owner')[6]} | ${payloads('item-ticket')[5]} | 2026-04-01 |
| Alert on a stalled export | @ana | https://tracker.example/LED-2?x="><script>window.__pwned='ticket-url'</script> | 2026-04-15 |
`;
}

/** C0 controls, DEL, C1 controls, lone surrogates and non-characters in every kind of text. */
export const CONTROL_TEXT = 'esc\u001b[31mred\u001b[0m bell\u0007 nul\u0000 vt\u000b ff\u000c del\u007f c1\u0085\u009b lone\ud800 \udc00 nonchar\ufffe\uffff';

/** What the body holds: the same without NUL (a file with a NUL byte is binary, not a postmortem). */
const BODY_CONTROL_TEXT = CONTROL_TEXT.replace(/\u0000/g, '');

export function controlCharacters(): string {
  return `---
id: ${quoted(CONTROL_ID)}
title: ${quoted(`Control title ${CONTROL_TEXT}`)}
date: 2026-02-02
severity: SEV3
status: published
authors: [ana]
services: ${yamlList([`billing ${CONTROL_TEXT}`])}
tags: ${yamlList([`tag ${CONTROL_TEXT}`])}
incident_start: 2026-02-02T09:00:00Z
incident_end: 2026-02-02T09:30:00Z
detected: 2026-02-02T09:05:00Z
resolved: 2026-02-02T09:30:00Z
timezone: UTC
---

# Control title

## Summary

A pasted coloured log broke the billing dashboard for 30 minutes, and 120 invoices were late: ${BODY_CONTROL_TEXT}.

\`\`\`
${BODY_CONTROL_TEXT}
\`\`\`

## Impact

120 invoices were sent 30 minutes late.

## Timeline

- 09:00 UTC: The dashboard stops rendering. ${BODY_CONTROL_TEXT}
- 09:05 UTC: Support reports it.
- 09:30 UTC: The log is removed from the dashboard.

## Root Cause

The dashboard showed raw log lines with their colour codes ${BODY_CONTROL_TEXT}.

## Corrective and Preventative Measures

- [ ] Strip colour codes from logs shown on the dashboard. Owner: @ana, ticket BIL-7, due 2026-03-01
`;
}
