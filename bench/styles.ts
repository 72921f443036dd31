// Postmortems in the styles people write them in, for the scale benchmark: each style is its
// own generator (its own layout, wording and sizes), so that a speed-up that holds only for
// bench/generate.ts's house style shows up. All of them are seeded (STYLE_SEED by default):
// the same seed and count give the same files, byte for byte.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prng, type GeneratedArchive } from './generate.ts';

/** The seed of the benchmark's styled corpus (docs/performance.md). */
export const STYLE_SEED = 20_151;

type Random = () => number;

interface Pick {
  random: Random;
  pick<T>(items: readonly T[]): T;
  int(low: number, high: number): number;
}

function picker(random: Random): Pick {
  return {
    random,
    pick: (items) => items[Math.floor(random() * items.length)]!,
    int: (low, high) => low + Math.floor(random() * (high - low + 1)),
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SYSTEMS = [
  'billing',
  'the login service',
  'the mobile API',
  'image uploads',
  'the search cluster',
  'webhooks',
  'the job queue',
  'the EU database',
  'the status page',
  'DNS',
  'object storage',
  'the build farm',
];
const HOSTS = ['api-gw-03', 'db-replica-2', 'worker-pool-b', 'lb-eu-1', 'cache-07', 'queue-main', 'edge-fra-2'];

/** A date (UTC) between 2019 and 2025 and a start time, as the styles write them. */
function incidentStart(p: Pick): Date {
  return new Date(Date.UTC(p.int(2019, 2025), p.int(0, 11), p.int(1, 28), p.int(0, 23), p.int(0, 59)));
}
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const hhmm = (d: Date): string => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const later = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);

/** Times through an incident: `count` steps of a few minutes each. */
function steps(p: Pick, start: Date, count: number, longest = 15): Date[] {
  const out: Date[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    out.push(at);
    at = later(at, p.int(1, longest));
  }
  return out;
}

// 1. A list timeline: a short engineering write-up, times in bullets.
function listStyle(p: Pick, n: number): string {
  const start = incidentStart(p);
  const times = steps(p, start, p.int(8, 30));
  const system = p.pick(SYSTEMS);
  const end = times.at(-1)!;
  const events = [
    'alert fired for elevated 5xx',
    'on-call acknowledged the page',
    'rolled back release',
    'paused the deploy pipeline',
    'failed over to the standby',
    'error rate back under 1%',
    'opened an incident channel',
    'customer support reported timeouts',
    `drained ${p.pick(HOSTS)}`,
    'declared resolved after an hour of clean metrics',
  ];
  const bullet = p.pick(['-', '*', '+']);
  const lines = [
    '---',
    `title: ${system} errors`,
    `date: ${isoDay(start)}`,
    `severity: SEV${p.int(1, 3)}`,
    '---',
    '',
    `# Incident: ${system} errors on ${isoDay(start)}`,
    '',
    '## Summary',
    '',
    `From ${hhmm(start)} to ${hhmm(end)} UTC, ${system} failed about ${p.int(2, 60)}% of requests. Duration: ${Math.round((end.getTime() - start.getTime()) / 60_000)} minutes.`,
    '',
    '## Timeline',
    '',
  ];
  for (const t of times) lines.push(`${bullet} ${hhmm(t)} UTC ${p.pick(events)}${p.random() < 0.2 ? ` (see ${p.pick(HOSTS)} logs)` : ''}`);
  lines.push(
    '',
    '## Root cause',
    '',
    `A ${p.pick(['config push', 'schema migration', 'kernel upgrade', 'library bump'])} changed how ${system} handled retries.`,
    '',
    '## Action items',
    '',
  );
  for (let i = 0; i < p.int(2, 6); i++)
    lines.push(
      `${bullet} [ ] ${p.pick(['Add a canary stage', 'Alert on retry rate', 'Document the rollback', 'Load-test the new path'])} (@dev${p.int(1, 40)}, INC-${n}-${i})`,
    );
  return `${lines.join('\n')}\n`;
}

// 2. A table timeline: a metadata table instead of frontmatter, dates and times in columns.
function tableStyle(p: Pick, n: number): string {
  const start = incidentStart(p);
  const times = steps(p, start, p.int(10, 40), 25);
  const rows = [
    'Alerting detected increased latency',
    'Incident commander assigned',
    'Traffic shifted to secondary region',
    'Mitigation confirmed by synthetic checks',
    'Upstream provider acknowledged the issue',
    'Rate limits raised temporarily',
    'Backlog drained',
    'Monitoring period started',
  ];
  const lines = [
    `# Post-incident review ${n}: ${p.pick(SYSTEMS)}`,
    '',
    '| Field | Value |',
    '| --- | --- |',
    `| Date | ${isoDay(start)} |`,
    `| Severity | P${p.int(1, 4)} |`,
    `| Owner | team-${p.pick(['core', 'infra', 'payments', 'edge'])} |`,
    `| Status | ${p.pick(['Final', 'Draft', 'In review'])} |`,
    '',
    '## What happened',
    '',
    `Customers saw slow responses for ${p.int(10, 300)} minutes.`,
    '',
    '## Timeline',
    '',
    '| Date | Time (UTC) | Who | Event |',
    '|:-----|:----------:|-----|-------|',
  ];
  for (const t of times) lines.push(`| ${isoDay(t)} | ${hhmm(t)} | ${p.pick(['SRE', 'IC', 'Support', 'Vendor', 'Bot'])} | ${p.pick(rows)} |`);
  lines.push('', '## Contributing factors', '', '| Factor | Notes |', '| --- | --- |');
  for (let i = 0; i < p.int(2, 5); i++)
    lines.push(
      `| ${p.pick(['Capacity', 'Alert tuning', 'Runbook gap', 'Dependency'])} | ${p.pick(['No headroom at peak', 'Threshold too high', 'Step missing for region failover', 'Vendor SLA unclear'])} |`,
    );
  lines.push('', '## Follow-ups', '', '| Action | Owner | Ticket | Due |', '| --- | --- | --- | --- |');
  for (let i = 0; i < p.int(2, 6); i++)
    lines.push(
      `| ${p.pick(['Add headroom alert', 'Rewrite failover runbook', 'Quarterly game day'])} | @${p.pick(['kim', 'ola', 'raj', 'mei'])} | OPS-${p.int(100, 9999)} | ${isoDay(later(start, 60 * 24 * p.int(7, 60)))} |`,
    );
  return `${lines.join('\n')}\n`;
}

// 3. A paragraph timeline: the sequence told in sentences, 12-hour clock and local zones.
function paragraphStyle(p: Pick): string {
  const start = incidentStart(p);
  const zone = p.pick(['PST', 'EST', 'CET', 'IST', 'JST']);
  const clock = (d: Date): string => `${d.getUTCHours() % 12 || 12}:${pad(d.getUTCMinutes())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
  const times = steps(p, start, p.int(5, 14), 40);
  const openers = ['At', 'Around', 'Shortly after', 'By'];
  const deeds = [
    'the first customer report reached the support desk',
    'an engineer noticed the queue depth climbing',
    'the team suspected the new load balancer rules',
    'we reverted the rules and the queue began to drain',
    'the last stuck jobs were retried by hand',
    'the incident was closed',
  ];
  const para: string[] = [];
  for (const t of times)
    para.push(
      `${p.pick(openers)} ${clock(t)} ${zone} ${p.pick(deeds)}.${p.random() < 0.4 ? ' Nobody was sure yet whether the two symptoms were related.' : ''}`,
    );
  const month = MONTHS[start.getUTCMonth()]!;
  return [
    `# What happened to ${p.pick(SYSTEMS)} on ${month} ${start.getUTCDate()}, ${start.getUTCFullYear()}`,
    '',
    `On ${month} ${start.getUTCDate()} we had an outage that lasted about ${p.int(1, 6)} hours. This is our account of it.`,
    '',
    '## The timeline',
    '',
    para.slice(0, para.length >> 1).join(' '),
    '',
    para.slice(para.length >> 1).join(' '),
    '',
    '## Why it happened',
    '',
    "The change had been reviewed and tested, but the test environment had a tenth of production's connections, so the limit it hit was never reached there.",
    '',
    '## What we are changing',
    '',
    'We will run the load test against a production-sized copy, and the on-call rotation gets a second responder during releases.',
    '',
  ].join('\n');
}

// 4. Long prose: an essay with few headings, code blocks of logs and configuration, links.
function proseStyle(p: Pick): string {
  const system = p.pick(SYSTEMS);
  const sentences = [
    `The ${system} team had been planning the migration for most of a quarter.`,
    'Every dashboard looked healthy right up until it did not.',
    'In hindsight the warning signs were there: a slow creep in tail latency, a handful of retries per minute that nobody had an alert for.',
    'We want to be clear that the people involved made reasonable decisions with the information they had.',
    'The config change looked harmless in review because the diff did not show the default it replaced.',
    'Several customers told us they learned about the outage from social media before our status page said anything.',
    'Recovery took longer than the fix itself, because caches had to warm up region by region.',
    `See the [design doc](https://wiki.internal/${system.replace(/\W+/g, '-')}/design) and the [runbook](../runbooks/failover.md) for background.`,
  ];
  const paragraph = (): string => Array.from({ length: p.int(3, 8) }, () => p.pick(sentences)).join(' ');
  const start = incidentStart(p);
  const lines = [
    `# A long look back at the ${system} outage`,
    '',
    `*Written ${isoDay(later(start, 60 * 24 * p.int(3, 20)))}; the incident began ${start.toISOString().slice(0, 16).replace('T', ' ')} UTC.*`,
    '',
  ];
  const parts = p.int(6, 18);
  for (let i = 0; i < parts; i++) {
    if (i % 4 === 3) lines.push(`## ${p.pick(['Background', 'The first hour', 'A wrong turn', 'Recovery', 'What we learned', 'Looking ahead'])}`, '');
    lines.push(paragraph(), '');
    if (p.random() < 0.25) {
      const at = later(start, p.int(1, 90));
      lines.push(
        '```',
        `${at.toISOString()} ERROR ${p.pick(HOSTS)} upstream timed out after 30000ms (retry ${p.int(1, 5)}/5)`,
        `${later(at, 1).toISOString()} WARN  pool exhausted: ${p.int(90, 100)}/100 connections in use`,
        '```',
        '',
      );
    }
    if (p.random() < 0.1)
      lines.push('```yaml', 'database:', '  host: db-primary.internal', '  password: ${DB_PASSWORD}', `  pool_size: ${p.int(10, 200)}`, '```', '');
  }
  return `${lines.join('\n')}\n`;
}

// 5. Status-page updates: newest first, each a state, a message and a time stamp.
function statusPageStyle(p: Pick): string {
  const start = incidentStart(p);
  const system = p.pick(SYSTEMS);
  const states = ['Investigating', 'Identified', 'Monitoring', 'Update', 'Resolved'];
  const updates: string[] = [];
  const times = steps(p, start, p.int(3, 12), 50);
  times.forEach((t, i) => {
    const state = i === 0 ? 'Investigating' : i === times.length - 1 ? 'Resolved' : p.pick(states.slice(1, 4));
    const message = {
      Investigating: `We are investigating reports of errors with ${system}.`,
      Identified: 'The issue has been identified and a fix is being implemented.',
      Monitoring: 'A fix has been implemented and we are monitoring the results.',
      Update: `We are continuing to work on a fix for this issue. Some requests to ${system} may still fail.`,
      Resolved: 'This incident has been resolved.',
    }[state]!;
    const month = MONTHS[t.getUTCMonth()]!;
    updates.unshift(p.random() < 0.5 ? `**${state}** - ${message}\n${month} ${t.getUTCDate()}, ${hhmm(t)} UTC` : `${state} - ${hhmm(t)} UTC\n\n${message}`);
  });
  return [
    `# ${p.pick(['Elevated error rates', 'Degraded performance', 'Partial outage'])} for ${system}`,
    '',
    `Incident report for ${p.pick(['Acme Cloud', 'Example Pay', 'Widgets Inc'])}`,
    '',
    updates.join('\n\n'),
    '',
    '## Postmortem',
    '',
    `Between ${hhmm(start)} and ${hhmm(times.at(-1)!)} UTC some requests to ${system} failed. A dependency returned errors after a maintenance window overran.`,
    '',
  ].join('\n');
}

// 6. Frontmatter-heavy: most of what is known lives in YAML, the body is short.
function frontmatterStyle(p: Pick, n: number): string {
  const start = incidentStart(p);
  const end = later(start, p.int(10, 600));
  const people = ['alice', 'bongani', 'chen', 'dara', 'emeka', 'farah'];
  const yaml = [
    '---',
    `id: PM-${start.getUTCFullYear()}-${String(n).padStart(4, '0')}`,
    `title: "${p.pick(SYSTEMS)}: ${p.pick(['latency', 'errors', 'data delay'])}"`,
    `date: ${isoDay(start)}`,
    `severity: SEV${p.int(1, 4)}`,
    'status: published',
    `incident_start: ${start.toISOString()}`,
    `incident_end: ${end.toISOString()}`,
    'timezone: UTC',
    'authors:',
    ...Array.from({ length: p.int(1, 4) }, () => `  - ${p.pick(people)}`),
    `services: [${p.pick(SYSTEMS).replace(/^the /, '').replace(/\s+/g, '-')}, ${p.pick(HOSTS)}]`,
    `tags: [${Array.from({ length: p.int(2, 6) }, () => p.pick(['network', 'database', 'deploy', 'vendor', 'capacity', 'security'])).join(', ')}]`,
    'metrics:',
    `  detection_minutes: ${p.int(1, 60)}`,
    `  mitigation_minutes: ${p.int(5, 300)}`,
    `  customers_affected: ${p.int(0, 50_000)}`,
    'related:',
    ...Array.from({ length: p.int(0, 3) }, () => `  - PM-${p.int(2019, 2025)}-${String(p.int(1, 999)).padStart(4, '0')}`),
    'action_items:',
    ...Array.from(
      { length: p.int(1, 6) },
      (_, i) =>
        `  - title: ${p.pick(['Add alert', 'Fix retry budget', 'Update runbook'])}\n    owner: ${p.pick(people)}\n    ticket: REL-${n * 10 + i}\n    due: ${isoDay(later(end, 60 * 24 * p.int(7, 90)))}`,
    ),
    '---',
  ];
  return [
    ...yaml,
    '',
    '## Summary',
    '',
    `See the metadata above. Duration ${Math.round((end.getTime() - start.getTime()) / 60_000)} minutes.`,
    '',
    '## Timeline',
    '',
    `- ${start.toISOString()} detected`,
    `- ${end.toISOString()} resolved`,
    '',
    '## Root Cause',
    '',
    'Tracked in the linked tickets.',
    '',
  ].join('\n');
}

// 7. Template-based: a filled-in review template, headings and prompts kept, some left blank.
function templateStyle(p: Pick): string {
  const start = incidentStart(p);
  const times = steps(p, start, p.int(6, 20), 20);
  const filled = (answer: string): string => (p.random() < 0.85 ? answer : '_To be completed._');
  const lines = [
    `# Postmortem: ${p.pick(SYSTEMS)} ${p.pick(['outage', 'degradation', 'data loss'])}`,
    '',
    `**Date:** ${isoDay(start)}`,
    '',
    `**Authors:** ${p.pick(['ana, ben', 'the on-call team', 'platform SRE'])}`,
    '',
    `**Status:** ${p.pick(['Complete, action items in progress', 'Draft'])}`,
    '',
    `**Summary:** ${filled('Requests failed after a bad configuration reached every region at once.')}`,
    '',
    `**Impact:** ${filled(`${p.int(1, 90)}% of users could not sign in for ${p.int(5, 240)} minutes.`)}`,
    '',
    `**Root Causes:** ${filled('A configuration push skipped the staged rollout.')}`,
    '',
    `**Trigger:** ${filled('Manual push during a maintenance window.')}`,
    '',
    `**Resolution:** ${filled('Reverted the configuration.')}`,
    '',
    `**Detection:** ${filled('Synthetic probes, six minutes after the push.')}`,
    '',
    '## Action Items',
    '',
    '| Action Item | Type | Owner | Bug |',
    '|-------------|------|-------|-----|',
  ];
  for (let i = 0; i < p.int(2, 7); i++)
    lines.push(
      `| ${p.pick(['Enforce staged rollout', 'Add config linter', 'Alert on sign-in failures'])} | ${p.pick(['prevent', 'mitigate', 'process'])} | ${p.pick(['ana', 'ben', 'cy'])} | BUG-${p.int(1000, 9999)} |`,
    );
  lines.push(
    '',
    '## Lessons Learned',
    '',
    '### What went well',
    '',
    '- Rollback was fast.',
    '',
    '### What went wrong',
    '',
    '- The push tool allowed skipping stages.',
    '',
    '### Where we got lucky',
    '',
    '- Traffic was low.',
    '',
    '## Timeline',
    '',
    `${isoDay(start)} (*all times UTC*)`,
    '',
  );
  for (const t of times)
    lines.push(`- ${hhmm(t)} ${p.pick(['Push begins', 'OUTAGE BEGINS', 'Pager fires', 'Rollback started', 'OUTAGE MITIGATED', 'Probes green'])}`);
  lines.push('', '## Supporting information', '', filled('Dashboards and chat log are linked in the ticket.'), '');
  return lines.join('\n');
}

/** The styles, each with a name for file names and reports. */
export const STYLES: readonly { name: string; generate(p: Pick, n: number): string }[] = [
  { name: 'list', generate: listStyle },
  { name: 'table', generate: tableStyle },
  { name: 'paragraph', generate: paragraphStyle },
  { name: 'prose', generate: proseStyle },
  { name: 'status-page', generate: statusPageStyle },
  { name: 'frontmatter', generate: frontmatterStyle },
  { name: 'template', generate: templateStyle },
];

/** One postmortem of each style in turn: file `n` is style `n mod 7`, from its own seeded stream. */
export function generateStyledPostmortem(n: number, seed = STYLE_SEED): { name: string; text: string } {
  const style = STYLES[n % STYLES.length]!;
  const p = picker(prng(seed * 7_919 + n));
  return { name: `${String(n).padStart(5, '0')}-${style.name}.md`, text: style.generate(p, n) };
}

export function generateStyledArchive(dir: string, count: number, seed = STYLE_SEED): GeneratedArchive {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const { name, text } = generateStyledPostmortem(n, seed);
    const file = path.join(dir, name);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { dir, files, bytes };
}
