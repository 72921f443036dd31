// A reproducible archive of generated postmortems for the benchmarks: seeded, 3–8 KB each,
// in every heading, timeline, time and zone style the model reads, some with findings.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a small seeded PRNG, so the same seed gives the same archive. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = [
  'checkout-api',
  'payments-gateway',
  'search',
  'inventory-sync',
  'courier-dispatch',
  'auth',
  'cdn-edge',
  'postgres-primary',
  'kafka',
  'redis-sessions',
  'notifications',
  'cart-service',
];
const CAUSES = [
  "a connection pool that was sized for last year's traffic",
  'a certificate that expired because its renewal job had been disabled during a migration',
  'a feature flag whose targeting rule matched every user instead of one segment',
  'a DNS record with a one-day TTL that kept clients on the old load balancer',
  'a consumer group that rebalanced in a loop because processing exceeded the poll interval',
  'a log volume that filled up when rotation stopped matching the new file names',
  'a cache flush that sent every request to the database at once',
  'retries at three layers that multiplied a short slowdown into an overload',
  'a scheduler that stored a fixed UTC offset and missed the daylight saving change',
  'a health check that depended on a downstream service and took every instance out of rotation',
];
const ACTIONS = [
  'Add an alert on pool saturation',
  'Move the renewal job into the certificate inventory',
  'Require a review for flag rules that match all users',
  'Lower the TTL a week before any cutover',
  'Size max.poll.records from measured processing time',
  'Alert when a log file stops rotating',
  'Add request coalescing in front of the catalog cache',
  'Keep only one retry layer with a shared budget',
  'Store zone names, never offsets',
  'Keep readiness checks local to the instance',
];
const VERBS = [
  'investigated',
  'paged the on-call for',
  'rolled back',
  'restarted',
  'scaled out',
  'drained traffic from',
  'checked the dashboards of',
  'opened a bridge for',
  'confirmed recovery of',
  'posted an update about',
];
const ZONES = [
  { name: 'UTC', offset: '+00:00', iso: 'Z' },
  { name: 'CET', offset: '+01:00', iso: '+01:00' },
  { name: 'EAT', offset: '+03:00', iso: '+03:00' },
  { name: 'EDT', offset: '-04:00', iso: '-04:00' },
  { name: 'PST', offset: '-08:00', iso: '-08:00' },
];
const FILLER = [
  'The team kept a running log in the incident channel, which made this timeline easy to reconstruct.',
  'Customer support saw the first tickets a few minutes before the alert fired.',
  'The dashboards showed the symptom clearly, but not where it came from.',
  'Nobody had changed the component in months, which made it the last place anyone looked.',
  'The runbook described the fix, but it assumed access that the on-call engineer did not have.',
  'We confirmed the theory by reproducing it in staging with production-like traffic.',
];

export interface GeneratedArchive {
  dir: string;
  files: string[];
  bytes: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function generatePostmortem(index: number, seed: number): { name: string; text: string } {
  const random = prng(seed * 100_003 + index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const year = 2020 + Math.floor(random() * 6);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const zone = pick(ZONES);
  const service = pick(SERVICES);
  const other = pick(SERVICES);
  const cause = pick(CAUSES);
  const severity = `SEV${1 + Math.floor(random() * 4)}`;
  const startHour = Math.floor(random() * 24);
  const startMinute = Math.floor(random() * 60);
  const entries = 8 + Math.floor(random() * 18);
  const twelveHour = random() < 0.25;
  const findings = random() < 0.15;
  const headingStyle = Math.floor(random() * 4); // atx, setext, bold, numbered
  const timelineStyle = Math.floor(random() * 3); // list, table, lines

  const clock = (minutes: number): string => {
    const total = startHour * 60 + startMinute + minutes;
    const h = Math.floor(total / 60) % 24;
    const m = total % 60;
    if (!twelveHour) return `${pad(h)}:${pad(m)}`;
    return `${h % 12 === 0 ? 12 : h % 12}:${pad(m)} ${h < 12 ? 'AM' : 'PM'}`;
  };
  const heading = (text: string, n: number): string => {
    switch (headingStyle) {
      case 1:
        return `${text}\n${'-'.repeat(text.length)}`;
      case 2:
        return `**${text}:**`;
      case 3:
        return `## ${n}. ${text}`;
      default:
        return `## ${text}`;
    }
  };
  let minute = 0;
  const times: number[] = [];
  for (let i = 0; i < entries; i++) {
    times.push(minute);
    minute += 1 + Math.floor(random() * 12);
  }
  if (findings && entries > 3) [times[2], times[3]] = [times[3]!, times[2]!]; // out of order
  const duration = minute;
  const endTotal = startHour * 60 + startMinute + duration;
  const endDate = new Date(Date.UTC(year, month - 1, day, 0, endTotal));
  const iso = (d: Date): string => `${d.toISOString().slice(0, 16)}:00${zone.iso}`;
  const startIso = iso(new Date(Date.UTC(year, month - 1, day, startHour, startMinute)));

  const lines: string[] = [
    '---',
    `id: GEN-${year}-${String(index).padStart(5, '0')}`,
    `title: "${service} degraded by ${cause.split(' ').slice(0, 4).join(' ')}"`,
    `date: ${date}`,
    `severity: ${severity}`,
    `status: ${random() < 0.1 ? 'draft' : 'published'}`,
    `authors: [engineer${index % 97}]`,
    `services: [${service}, ${other}]`,
    `tags: [generated, ${pick(['capacity', 'config', 'dependency', 'deploy', 'data'])}]`,
    `incident_start: ${startIso}`,
    `incident_end: ${iso(endDate)}`,
    `timezone: ${zone.name}`,
    '---',
    '',
    `# ${service} incident on ${date}`,
    '',
  ];
  lines.push(
    heading('Summary', 1),
    '',
    `Between ${clock(0)} and ${clock(duration)} ${zone.name} the ${service} service returned errors for part of its traffic. The cause was ${cause}. ${pick(FILLER)}`,
    '',
  );
  lines.push(
    heading('Impact', 2),
    '',
    `About ${Math.floor(random() * 40) + 1}% of requests to ${service} failed for ${duration} minutes, and ${Math.floor(random() * 9000) + 100} users saw errors. ${pick(FILLER)}`,
    '',
  );
  lines.push(heading(`Timeline (all times ${zone.name})`, 3), '');
  if (timelineStyle === 1) lines.push(`| Time (${zone.name}) | Event |`, '| --- | --- |');
  for (let i = 0; i < entries; i++) {
    const text = `The on-call engineer ${pick(VERBS)} ${pick(SERVICES)}. ${random() < 0.3 ? pick(FILLER) : ''}`.trim();
    const time = clock(times[i]!);
    if (timelineStyle === 1) lines.push(`| ${time} | ${text} |`);
    else if (timelineStyle === 2) lines.push(`${time} ${text}`);
    else lines.push(`- **${time}** — ${text}`);
  }
  lines.push('');
  lines.push(heading('Root Cause', 4), '', `The root cause was ${cause}. ${pick(FILLER)} ${pick(FILLER)} ${pick(FILLER)}`, '');
  lines.push(heading('Resolution', 5), '', `We ${pick(VERBS)} ${service} and the error rate returned to its baseline. ${pick(FILLER)}`, '');
  lines.push(heading('Corrective and Preventative Measures', 6), '');
  const actions = 3 + Math.floor(random() * 5);
  for (let i = 0; i < actions; i++) {
    const due = `${year + 1}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    lines.push(
      `- [${random() < 0.5 ? 'x' : ' '}] ${pick(ACTIONS)} for ${pick(SERVICES)}. Owner @engineer${Math.floor(random() * 50)}, ticket OPS-${1000 + Math.floor(random() * 9000)}, due ${due}.`,
    );
  }
  lines.push('', heading('Lessons Learned', 7), '', `- ${pick(FILLER)}`);
  while (lines.join('\n').length < 3000 + random() * 5000) lines.push(`- ${pick(FILLER)} ${pick(FILLER)}`);
  if (findings) lines.push('', 'The owner of the follow-up is TBD.');
  const slug = `${service}-${index}`;
  return { name: `${date}-${slug}.md`, text: `${lines.join('\n')}\n` };
}

export function generateArchive(dir: string, count: number, seed = 42): GeneratedArchive {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { name, text } = generatePostmortem(i, seed);
    const file = path.join(dir, name);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { dir, files, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'bench/out/archive', count = '10000'] = process.argv.slice(2);
  const archive = generateArchive(path.resolve(dir), Number(count));
  console.log(`${archive.files.length} postmortems, ${(archive.bytes / 1e6).toFixed(1)} MB in ${archive.dir}`);
}

/**
 * One very large postmortem (issue 6: "a 5 MB postmortem with a 20,000-entry timeline"): a
 * timeline of `entries` entries, a minute apart over the days of the incident window, each
 * ending with as much of a sentence of prose as makes the file at least `bytes` bytes of UTF-8
 * (and less than one word per entry more).
 */
export function generateHugePostmortem(entries: number, bytes: number): string {
  const days = Math.ceil(entries / 1440);
  const head = [
    '---',
    'id: HUGE-1',
    'title: A very long incident',
    'date: 2024-03-02',
    'severity: SEV2',
    'status: published',
    'incident_start: 2024-03-02T00:00:00Z',
    `incident_end: 2024-03-${String(1 + days).padStart(2, '0')}T23:59:00Z`,
    '---',
    '',
    '# A very long incident',
    '',
    '## Summary',
    '',
    'Errors for 12% of requests for several days.',
    '',
    '## Timeline (all times UTC)',
    '',
  ];
  const tail = ['', '## Root Cause', '', 'A slow replica.', '', '## Action Items', '', '- Alert on lag @ana OPS-1'];
  const entry = (i: number, more: string): string => {
    const minutes = i % 1440;
    const day = String(2 + Math.floor(i / 1440)).padStart(2, '0');
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    return `- 2024-03-${day} ${hh}:${mm} The on-call engineer checked replica ${i} of the storage cluster and noted its replication lag in the incident channel.${more}`;
  };
  let total = Buffer.byteLength(`${[...head, ...tail].join('\n')}\n`) + entries;
  for (let i = 0; i < entries; i++) total += Buffer.byteLength(entry(i, ''));
  // Each entry ends with the first words of this sentence: `short` words on some entries and
  // one word more on the others, so the total lands just past `bytes`.
  const words =
    'The error rate, queue depth and disk latency of every replica of the cluster were copied into the follow-up document, so that the review would have each figure it needed'.split(
      ' ',
    );
  const ending = (n: number): string => (n === 0 ? '' : ` ${words.slice(0, n).join(' ').replace(/,$/, '')}.`);
  const missing = Math.max(0, bytes - total);
  let short = 0;
  while (short < words.length && Buffer.byteLength(ending(short + 1)) * entries <= missing) short++;
  const step = Buffer.byteLength(ending(short + 1)) - Buffer.byteLength(ending(short));
  const longer = short >= words.length ? 0 : Math.min(entries, Math.ceil((missing - Buffer.byteLength(ending(short)) * entries) / step));
  const lines = [...head];
  for (let i = 0; i < entries; i++) lines.push(entry(i, ending(i < longer ? short + 1 : short)));
  lines.push(...tail);
  return `${lines.join('\n')}\n`;
}
