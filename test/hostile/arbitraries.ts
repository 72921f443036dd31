// fast-check arbitraries for hostile-input tests: Markdown built from the fragments
// postmortems are made of (and the junk pasted into them), and mutations of real files'
// bytes.
import fc from 'fast-check';
import { LATER_SECTION_HEADINGS } from '../helpers/section-headings.ts';

const pick = <T>(...values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** Section names: known spellings, decorated ones, and near misses. */
const SECTION = pick(
  'Summary',
  'Issue Summary',
  'Executive Summary',
  'Impact',
  'Customer Impact',
  'Timeline',
  'Timeline of Events',
  'Timeline (all times UTC)',
  'Detection',
  'Root Cause',
  'Root Cause and Resolution',
  'Root cause analysis',
  ...LATER_SECTION_HEADINGS,
  'What went well',
  'Background',
  'Notes',
  '1. Issue Summary',
  '🕒 Timeline',
  'Timeline:',
  'TIMELINE',
  'Root Cause ##',
  '',
  ' ',
  'Summary Summary',
);

const TIME = pick(
  '10:05',
  '10:05:30',
  '9:05',
  '23:59',
  '00:00',
  '24:00',
  '25:61',
  '10:05 AM',
  '10:05AM',
  '10:05 a.m.',
  '5:30pm',
  '12:00 AM',
  '12:00 PM',
  '10:05 UTC',
  '12:00pm EAT',
  '09:15 AM (UTC)',
  '10:00 UTC+3',
  '10:00 (UTC-05:00)',
  '10:00 +0300',
  '10:00 [UTC]',
  '10:00 Europe/Berlin',
  'May 10, 2023, 09:15 AM',
  '11 August 2023, 08:00 AM',
  'Aug 08, 2023 - 10:27 EDT',
  '2023-05-10 09:15 UTC',
  '2024-03-02T14:54Z',
  '2024-03-02T14:54:00+03:00',
  '10:05 - 10:30',
  '9am-10am',
  'from 10:00 to 11:00',
  'between 9 and 5',
  '2024-02-30 10:00',
  '9999-12-31T23:59Z',
  '0000-01-01 00:00',
  '10/05/2023 10:00',
  'T+0',
  '2 hours later',
  '10:05 PST',
  '10:05 XYZ',
  '10:05 UTC+14:00',
  '10:05 UTC-12',
  '1:2:3:4:5',
);

const WORD = pick(
  'the',
  'database',
  'alert',
  'fired',
  'users',
  '1,200',
  '40%',
  '$5,000',
  'requests',
  'errors',
  'rollback',
  'deploy',
  'human error',
  'should have',
  'careless',
  'Bob',
  'TODO',
  'TBD',
  '20XX',
  'XX:XX',
  '[insert date]',
  '{{title}}',
  'lorem ipsum',
  'N/A',
  'OPS-123',
  '#42',
  '@ana',
  'Owner: Ana',
  'due 2024-06-01',
  'by June 1, 2023',
  '2 hours 30 minutes',
  'Duration: 45 minutes',
  'Start:',
  'End:',
  'detected',
  'resolved',
  'écrit',
  '数据库',
  '🙂',
  '👩🏽‍💻',
  'مرحبا',
  'שלום',
  '\u200F',
  '\u202E',
  '\u200B',
  '\u00A0',
  '\uFEFF',
  '\uFFFD',
  '\u0301',
  'ﬁ',
  'İ',
  'ß',
  'a.b@acme.io',
  'jane@example.com',
  '+44 20 7946 0000',
  '(555) 123-4567',
  'https://status.example.org/x',
  'redis://u:Secr3tPw9@cache.acme.io',
  'AKIAIOSFODNN7EXAMPLE',
  '3f9c2e1a7b4d8e6f0a1c2b3d4e5f6a7b8c9d0e1f',
  '9b2f4c1e-7d3a-4e8b-9c6f-2a1b3c4d5e6f',
  '\\',
  '`',
  '*',
  '_',
  '~',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '&amp;',
  '&#0;',
  '|',
  '#',
  '---',
  '***',
  '<!--',
  '-->',
  '<br>',
  '</div>',
  '<script>',
  '$$',
  '^',
  '%',
);

const inline = fc.oneof(
  { weight: 6, arbitrary: WORD },
  { weight: 3, arbitrary: TIME },
  { weight: 1, arbitrary: WORD.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: WORD.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: WORD.map((w) => `_${w}_`) },
  { weight: 1, arbitrary: WORD.map((w) => `\`${w}\``) },
  { weight: 1, arbitrary: WORD.map((w) => `~~${w}~~`) },
  { weight: 1, arbitrary: fc.tuple(WORD, WORD).map(([a, b]) => `[${a}](${b})`) },
  { weight: 1, arbitrary: fc.tuple(WORD, WORD).map(([a, b]) => `![${a}](${b} "t")`) },
  { weight: 1, arbitrary: WORD.map((w) => `<span title="${w}">${w}</span>`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const sentence = fc.array(inline, { minLength: 1, maxLength: 14 }).map((parts) => parts.join(' '));

const frontmatter = fc.oneof(
  fc
    .record({
      severity: pick('SEV1', 'sev2', 'Sev-3', 'SEV_4', 'P1', '', '"SEV5"', '[SEV1]', '{a: 1}'),
      date: pick('2024-03-02', '10/05/2024', 'yesterday', '2024-02-30', ''),
      start: TIME,
      end: TIME,
      zone: pick('UTC', 'EAT', '+03:00', 'Europe/Berlin', 'Mars/Olympus', ''),
      status: pick('draft', 'published', 'done', ''),
      extra: pick(
        '',
        'tags: [a, b]',
        'authors: ana',
        'services:\n  - api\n  - db',
        'title: "unterminated',
        'a: &a [1]\nb: *a',
        'x: *missing',
        '? [k]\n: v',
        '1: one',
        'severity: SEV2',
        '\tbad: tab',
        'duration: 2 hours',
      ),
    })
    .map(
      (f) =>
        `---\nseverity: ${f.severity}\ndate: ${f.date}\nincident_start: ${f.start}\nincident_end: ${f.end}\ntimezone: ${f.zone}\nstatus: ${f.status}\n${f.extra}\n---`,
    ),
  pick('---\n---', '---', '---\n', '---\nunclosed: yes', '+++\ntoml = 1\n+++', '---\n- a list\n---', '---\n"just a string"\n---'),
);

const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), SECTION, pick('', ' ##', ' #', ':')).map(([level, name, close]) => `${'#'.repeat(level)} ${name}${close}`),
  SECTION.map((name) => `${name}\n${'='.repeat(Math.max(1, name.length))}`),
  SECTION.map((name) => `${name}\n---`),
  SECTION.map((name) => `**${name}:**`),
  SECTION.map((name) => `**${name}:** ${name} text`),
  SECTION.map((name) => name),
  SECTION.map((name) => `<h2>${name}</h2>`),
  SECTION.map((name) => `<H3 id="x">${name}`),
);

const listItem = fc.tuple(
  pick('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '-  ', '10. ', '- - '),
  fc.oneof(
    fc.constant(''),
    TIME.map((t) => `${t} `),
  ),
  sentence,
);

const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 4 }), listItem), { minLength: 1, maxLength: 8 })
  .map((items) => items.map(([depth, [marker, time, text]]) => `${'  '.repeat(depth)}${marker}${time}${text}`).join('\n'));

const table = fc
  .tuple(
    pick('| Time (UTC) | Event |', '| Time | Event | Owner |', '| When | What |', '|a|', 'Time | Event'),
    fc.array(fc.tuple(TIME, sentence), { maxLength: 6 }),
    pick('| --- | --- |', '|---|---|---|', '| :-- | --: |', '---|---', '|-|'),
  )
  .map(([head, rows, rule]) => [head, rule, ...rows.map(([t, s]) => `| ${t} | ${s.replace(/\n/g, ' ')} |`)].join('\n'));

const code = fc.oneof(
  fc
    .tuple(pick('```', '~~~', '````', '```sh', '``` js `x`'), fc.array(sentence, { maxLength: 4 }), pick('```', '~~~', '', '````'))
    .map(([open, lines, close]) => [open, ...lines, close].join('\n')),
  fc.array(sentence, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((l) => `    ${l}`).join('\n')),
);

const html = fc.oneof(
  pick(
    '<!-- hindsight-disable -->',
    '<!-- hindsight-enable no-pii -->',
    '<!-- hindsight-disable-next-line timeline-order -- skew -->',
    '<!-- hindsight-disable-line bogus-rule -->',
    '<!-- secretlint-disable-next-line -->',
  ),
  pick(
    '<div>\n\ntext\n\n</div>',
    '<details><summary>x</summary>\n\ny\n</details>',
    '<script>alert(1)</script>',
    '<!-- unclosed',
    '<?php echo 1; ?>',
    '<![CDATA[ x ]]>',
    '<table><tr><td>10:00</td></tr></table>',
  ),
);

const quote = fc
  .array(sentence, { minLength: 1, maxLength: 3 })
  .chain((lines) => fc.integer({ min: 1, max: 4 }).map((depth) => lines.map((l) => `${'> '.repeat(depth)}${l}`).join('\n')));

const block = fc.oneof(
  { weight: 4, arbitrary: sentence },
  { weight: 3, arbitrary: heading },
  { weight: 3, arbitrary: list },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: code },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: quote },
  { weight: 1, arbitrary: pick('---', '***', '', '  ', '\t', '\\', '[ref]: https://x.io "t"', '$$\nx\n$$') },
);

/** A random postmortem-like document, with random line endings and whitespace. */
export const markdown: fc.Arbitrary<string> = fc
  .record({
    frontmatter: fc.option(frontmatter, { nil: undefined }),
    title: fc.option(
      sentence.map((s) => `# ${s}`),
      { nil: undefined },
    ),
    blocks: fc.array(block, { maxLength: 10 }),
    separators: fc.array(pick('\n\n', '\n', '\r\n\r\n', '\r\n', '\r\r', '\n\n\n', '\n \n', '\n\t\n'), { minLength: 1, maxLength: 4 }),
    eol: pick('\n', '\r\n', '\r'),
    bom: fc.boolean(),
  })
  .map(({ frontmatter, title, blocks, separators, eol, bom }) => {
    const parts = [frontmatter, title, ...blocks].filter((p): p is string => p !== undefined);
    let text = '';
    parts.forEach((part, i) => {
      text += (i > 0 ? separators[i % separators.length]! : '') + part;
    });
    if (eol !== '\n') text = text.replace(/\r?\n/g, eol);
    return (bom ? '\uFEFF' : '') + text;
  });

/** How a file's bytes are damaged. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert-bytes'; at: number; bytes: number[] }
  | { kind: 'flip'; at: number[]; mask: number }
  | { kind: 'duplicate-lines'; from: number; count: number; times: number }
  | { kind: 'delete-lines'; from: number; count: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'nest-list'; at: number; depth: number; style: 'indent' | 'markers' | 'ordered' | 'tabs' }
  | { kind: 'nest-quote'; at: number; depth: number; perLine: boolean }
  | { kind: 'headings'; at: number; count: number }
  | { kind: 'emphasis'; at: number; count: number; unit: string }
  | { kind: 'table'; at: number; rows: number; columns: number; cell: string }
  | { kind: 'line-endings'; to: '\r\n' | '\r' | '\n\r' }
  | { kind: 'bom'; encoding: 'utf8' | 'utf16le' }
  | { kind: 'tabs' }
  | { kind: 'rtl'; at: number[]; char: string }
  | { kind: 'long-line'; at: number; length: number; unit: string }
  | { kind: 'splice'; at: number; other: number; from: number; to: number };

/** Invalid UTF-8 and NUL: lone continuation bytes, truncated sequences, overlongs, surrogates, 0xFF. */
const BAD_BYTES = pick(
  [0],
  [0x80],
  [0xc3],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xff],
  [0xfe, 0xff],
  [0xef, 0xbf, 0xbd],
  [0, 0, 0, 0],
  [0x1b, 0x5b, 0x32, 0x4a],
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert-bytes' as const), at: fc.nat(), bytes: BAD_BYTES }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('duplicate-lines' as const), from: fc.nat(), count: fc.integer({ min: 1, max: 20 }), times: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('delete-lines' as const), from: fc.nat(), count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('nest-list' as const),
    at: fc.nat(),
    depth: fc.oneof(fc.integer({ min: 2, max: 150 }), fc.integer({ min: 150, max: 1200 })),
    style: pick('indent' as const, 'markers' as const, 'ordered' as const, 'tabs' as const),
  }),
  fc.record({ kind: fc.constant('nest-quote' as const), at: fc.nat(), depth: fc.integer({ min: 2, max: 3000 }), perLine: fc.boolean() }),
  fc.record({ kind: fc.constant('headings' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({
    kind: fc.constant('emphasis' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 6000 }),
    unit: pick(
      '*',
      '_',
      '*a',
      'a* ',
      '_a ',
      '**',
      '~~a',
      '~a',
      '[*',
      '`a',
      'a <!--',
      '<a ',
      '[a](',
      '![',
      '<?',
      '&#',
      '\\*',
      '*a* ',
      '_a_ ',
      '~a~ ',
      '**a** _b_ ',
      '[a] ',
      '[a]( ',
      '[a](b) ',
      '&x ',
      '[',
      ']',
      'a ! ',
    ),
  }),
  fc.record({
    kind: fc.constant('table' as const),
    at: fc.nat(),
    // Mostly tables people write; now and then one past the guard's 50,000 cells.
    rows: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 300, max: 30_000 })),
    columns: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 12, max: 3000 })),
    cell: pick('a', ' 10:00 UTC ', '', ' *a* ', '`|`', '\\|', ' [a](b) '),
  }),
  fc.record({ kind: fc.constant('line-endings' as const), to: pick('\r\n' as const, '\r' as const, '\n\r' as const) }),
  fc.record({ kind: fc.constant('bom' as const), encoding: pick('utf8' as const, 'utf16le' as const) }),
  fc.record({ kind: fc.constant('tabs' as const) }),
  fc.record({
    kind: fc.constant('rtl' as const),
    at: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
    char: pick('\u200F', '\u202E', '\u2066', '\u061C', '\u200B', '\u00A0', '\u2028'),
  }),
  fc.record({
    kind: fc.constant('long-line' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1000, max: 400_000 }),
    unit: pick('a', 'ab ', '*', '-', ':', '@', '.', '/', '=', ' ', '0', '|', '`'),
  }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), other: fc.nat(), from: fc.nat(), to: fc.nat() }),
);

function lineOffsets(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) starts.push(i + 1);
  return starts;
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Applies a mutation to a file's bytes (`others`: the corpus, for splices). */
export function mutate(bytes: Buffer, m: Mutation, others: readonly Buffer[] = []): Buffer {
  const at = (n: number): number => (bytes.length === 0 ? 0 : n % (bytes.length + 1));
  const lines = lineOffsets(bytes);
  const lineAt = (n: number): number => lines[n % lines.length]!;
  const insert = (offset: number, add: Buffer): Buffer => Buffer.concat([bytes.subarray(0, offset), add, bytes.subarray(offset)]);
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, at(m.at));
    case 'insert-bytes':
      return insert(at(m.at), Buffer.from(m.bytes));
    case 'flip': {
      const out = Buffer.from(bytes);
      if (out.length > 0) for (const i of m.at) out[i % out.length] = out[i % out.length]! ^ m.mask;
      return out;
    }
    case 'duplicate-lines': {
      const from = m.from % lines.length;
      const start = lines[from]!;
      const end = lines[Math.min(lines.length - 1, from + m.count)] ?? bytes.length;
      const chunk = bytes.subarray(start, end > start ? end : bytes.length);
      return insert(start, Buffer.concat(Array.from({ length: m.times }, () => chunk)));
    }
    case 'delete-lines': {
      const from = m.from % lines.length;
      const start = lines[from]!;
      const end = from + m.count < lines.length ? lines[from + m.count]! : bytes.length;
      return Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)]);
    }
    case 'swap-lines': {
      const text = bytes.toString('latin1').split('\n');
      const a = m.a % text.length;
      const b = m.b % text.length;
      [text[a], text[b]] = [text[b]!, text[a]!];
      return Buffer.from(text.join('\n'), 'latin1');
    }
    case 'nest-list': {
      const marker = m.style === 'ordered' ? '1. ' : '- ';
      const rows =
        m.style === 'markers'
          ? [`${marker.repeat(m.depth)}deep item`]
          : Array.from(
              { length: m.depth },
              (_, i) => `${m.style === 'tabs' ? '\t'.repeat(i) : ' '.repeat((m.style === 'ordered' ? 3 : 2) * i)}${marker}level ${i + 1}`,
            );
      return insert(lineAt(m.at), utf8(`\n${rows.join('\n')}\n\n`));
    }
    case 'nest-quote': {
      const rows = m.perLine
        ? Array.from({ length: Math.min(m.depth, 1500) }, (_, i) => `${'>'.repeat(i + 1)} quoted ${i}`)
        : [`${'> '.repeat(m.depth)}deep quote`];
      return insert(lineAt(m.at), utf8(`\n${rows.join('\n')}\n\n`));
    }
    case 'headings': {
      const rows = Array.from(
        { length: m.count },
        (_, i) => `${'#'.repeat(1 + (i % 6))} ${['Summary', 'Timeline', 'Root Cause', 'Impact', 'Notes'][i % 5]} ${i}`,
      );
      return insert(lineAt(m.at), utf8(`\n${rows.join('\n')}\n`));
    }
    case 'emphasis':
      return insert(lineAt(m.at), utf8(`\n${m.unit.repeat(m.count)}\n`));
    case 'table': {
      // At most 2 MB of table, so that a case stays a case.
      const rows = Math.min(m.rows, Math.floor(2_000_000 / ((m.cell.length + 1) * m.columns + 2)));
      const row = `|${`${m.cell}|`.repeat(m.columns)}`;
      const table = [row, `|${'-|'.repeat(m.columns)}`, ...Array.from({ length: rows }, () => row)];
      return insert(lineAt(m.at), utf8(`\n${table.join('\n')}\n\n`));
    }
    case 'line-endings': {
      const text = bytes.toString('latin1').replace(/\r?\n/g, m.to);
      return Buffer.from(text, 'latin1');
    }
    case 'bom':
      return m.encoding === 'utf8'
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])
        : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);
    case 'tabs':
      return Buffer.from(bytes.toString('latin1').replace(/ {2}/g, '\t'), 'latin1');
    case 'rtl': {
      let out = bytes;
      for (const i of [...m.at].sort((x, y) => y - x)) {
        const offset = out.length === 0 ? 0 : i % (out.length + 1);
        // At a character boundary: step back over continuation bytes.
        let o = offset;
        while (o > 0 && o < out.length && (out[o]! & 0xc0) === 0x80) o--;
        out = Buffer.concat([out.subarray(0, o), utf8(m.char), out.subarray(o)]);
      }
      return out;
    }
    case 'long-line':
      return insert(lineAt(m.at), utf8(`\n${m.unit.repeat(Math.ceil(m.length / m.unit.length)).slice(0, m.length)}\n`));
    case 'splice': {
      const other = others.length > 0 ? others[m.other % others.length]! : bytes;
      const a = other.length === 0 ? 0 : m.from % other.length;
      const b = other.length === 0 ? 0 : m.to % other.length;
      return insert(at(m.at), other.subarray(Math.min(a, b), Math.max(a, b)));
    }
  }
}

export function describeMutation(m: Mutation): string {
  return JSON.stringify(m).slice(0, 160);
}
