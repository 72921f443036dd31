// impact-quantified: where the impact statement is read, and what counts as a figure.
import { describe, expect, it } from 'vitest';
import { hasFigure } from '../../src/lint/kit/figures.ts';
import { lintText } from '../helpers/lint-text.ts';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const lint = async (md: string) => (await lintText(md, { only: { 'impact-quantified': {} } })).map((f) => ({ line: f.line, messageId: f.messageId }));

describe('what counts as a figure', () => {
  it.each([
    'About 30% of checkouts failed.',
    '30 % of requests',
    'Twelve percent of logins',
    '1,200 users could not log in.',
    'roughly 4k requests were dropped',
    '1.2 million requests failed',
    '300 orders were lost',
    'thousands of customers saw errors',
    'Estimated 1500 queries lost',
    'two regions were down',
    'revenue loss of $200,000',
    'about 5,000 EUR in refunds',
    'the site was down for 2 hours',
    'a 45-minute outage',
    'down for 3hrs',
    'for an hour nobody noticed',
    'within three hours',
    'half of the traffic was dropped',
    '1 in 5 requests timed out',
    '9 out of 10 logins failed',
    'latency rose 10x',
    'all users were logged out',
    'every request to the API failed',
    'a 500 error on every page load',
    'no orders were lost',
    'the entire user base',
    'a 504 error for anyone trying to reach the site',
    'One user (myself) was affected',
    'affected users: 1,200',
  ])('figure: %s', (text) => {
    expect(hasFigure(text)).toBe(true);
  });

  it.each([
    'On 2024-03-05 the database went down.',
    'In 2024 many users were affected.',
    'Since March 5, 2024, some users saw errors.',
    'from 10:30 to 11:45 UTC',
    'starting at 9 AM PST',
    'after the v2.3.1 release',
    'an Ubuntu 14.04 container running Apache',
    'PHP 7.4 servers',
    'users saw HTTP 500 errors',
    'a 502 Bad Gateway error for customers',
    'a 500 Internal Server Error on the home page',
    'Nginx was not listening on port 80',
    'the server 172.20.1.4 went down',
    'one of the configuration files had a typo',
    'some users saw slow pages',
    'many customers complained',
    'the website was down for a while',
  ])('not a figure: %s', (text) => {
    expect(hasFigure(text)).toBe(false);
  });
});

describe('impact-quantified', () => {
  it('reads the impact section and reports at its heading', async () => {
    const md = lines('# Outage', '', '## Summary', '', 'For 2 hours all users were locked out.', '', '## Impact', '', 'Users were unhappy.');
    const findings = await lintText(md, { only: { 'impact-quantified': {} } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 7, column: 1, endLine: 7, endColumn: 10, severity: 1 });
    expect(findings[0]!.message).toBe(
      'The impact statement under "Impact" (line 7) gives no figure: say how many users, requests or orders were affected, what share (%), for how long, or what it cost.',
    );
  });

  it('falls back to the summary when there is no impact section, and says so', async () => {
    expect(await lint(lines('## Issue Summary', '', 'On May 10, 2024 at 10:00 UTC the site went down.'))).toEqual([
      { line: 1, messageId: 'noFigureInSummary' },
    ]);
    expect(await lint(lines('## Issue Summary', '', 'On May 10, 2024 the site was down for 40 minutes.'))).toEqual([]);
  });

  it('a figure in any of several impact sections is enough; the summary is not read then', async () => {
    expect(await lint(lines('## Summary', 'Down.', '## Impact', 'Users were unhappy.', '## Business Impact', 'About $5k lost.'))).toEqual([]);
  });

  it("reads bold and plain-line impact fields, whose text shares the heading's paragraph", async () => {
    expect(await lint(lines('## Issue Summary', '', '**Impact:** 30% of users could not log in.'))).toEqual([]);
    expect(await lint(lines('Issue Summary', 'Down.', 'Impact', 'Around 85% of the user base was affected.'))).toEqual([]);
    expect((await lint(lines('Issue Summary', 'Down for 2 hours.', 'Impact', 'Users were affected.'))).map((f) => f.line)).toEqual([3]);
  });

  it('code and inline code are not read', async () => {
    expect((await lint(lines('## Impact', '', 'Users saw `503 errors for 100% of requests`.', '', '```', '100% of users', '```'))).length).toBe(1);
  });

  it('nothing to judge: no impact or summary section, an empty one, or only code', async () => {
    expect(await lint(lines('## Timeline', '- 10:00 alert'))).toEqual([]);
    expect(await lint(lines('## Impact', '', '## Timeline', '- 10:00 alert'))).toEqual([]);
    expect(await lint(lines('## Impact', '', '    The site was down.'))).toEqual([]);
  });
});
