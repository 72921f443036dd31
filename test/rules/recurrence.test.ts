// recurrence on the fixture archive: a root cause that repeats an earlier one on a shared
// service, unlinked, is found in the whole archive and when its file is linted alone.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Archive, cosine, exampleArchive, indexEntry, termCounts, words } from '../../src/lint/archive/index.ts';
import { copyArchive, findingsOf, lintArchive, removeArchives } from '../fixtures/archive.ts';
import { lintText } from '../helpers/lint-text.ts';

afterAll(removeArchives);

const AGAIN = 'postmortems/2025-02-11-checkout-pool-again.md';

describe('recurrence', () => {
  it('on the whole archive: only the unlinked repeat, naming the earlier postmortem', async () => {
    const run = await lintArchive(copyArchive());
    expect(findingsOf(run, 'recurrence')).toEqual({
      '2025-02-11-checkout-pool-again.md': [
        expect.stringMatching(
          /^This root cause is very like that of an earlier incident on the same service, which this postmortem does not link: INC-2024-017 "Checkout errors from connection pool exhaustion" \(2024-05-21, postmortems\/2024-05-21-checkout-pool\.md, checkout-api, \d+% similar\)\. If it is the same cause, add its id to "related:"/,
        ),
      ],
    });
    const finding = run.results.find((r) => r.filePath.endsWith(path.basename(AGAIN)))!.messages.find((m) => m.ruleId === 'recurrence')!;
    expect(finding).toMatchObject({ severity: 1, line: 27, column: 1 });
  });

  it('a hook linting the repeat alone still finds the earlier one; linking it ends the finding', async () => {
    const root = copyArchive();
    const alone = await lintArchive(root, [AGAIN]);
    expect(Object.keys(findingsOf(alone, 'recurrence'))).toEqual(['2025-02-11-checkout-pool-again.md']);
    const file = path.join(root, AGAIN);
    writeFileSync(file, readFileSync(file, 'utf8').replace('related: [INC-2024-030]', 'related: [INC-2024-030, INC-2024-017]'));
    expect(findingsOf(await lintArchive(root, [AGAIN]), 'recurrence')).toEqual({});
  });

  it('a link in the body counts, and so does a link back from the earlier postmortem', async () => {
    const root = copyArchive();
    const file = path.join(root, AGAIN);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('were not returned to the pool', 'were not returned to the pool (as in [May 2024](2024-05-21-checkout-pool.md))'));
    expect(findingsOf(await lintArchive(root, [AGAIN]), 'recurrence')).toEqual({});
    writeFileSync(file, text);
    const earlier = path.join(root, 'postmortems/2024-05-21-checkout-pool.md');
    writeFileSync(earlier, readFileSync(earlier, 'utf8').replace('services:', 'related: [INC-2025-004]\nservices:'));
    expect(findingsOf(await lintArchive(root, [AGAIN]), 'recurrence')).toEqual({});
  });

  it('is off in recommended: without the configuration turning it on, no root cause is read', async () => {
    const root = copyArchive();
    writeFileSync(path.join(root, 'hindsight.config.json'), '{}');
    const run = await lintArchive(root);
    expect(findingsOf(run, 'recurrence')).toEqual({});
    // The index file's last line holds the rest of each postmortem's row; its last cell, the root cause, is 0 when not read.
    const lines = readFileSync(path.join(root, 'node_modules/.cache/hindsight/archive-index.json'), 'utf8').split('\n');
    const rests = JSON.parse(lines[lines.length - 1]!) as unknown[][];
    expect(rests.length).toBe(8);
    expect(rests.every((rest) => rest.length === 4 && rest[3] === 0)).toBe(true);
  });

  it('the threshold option: a stricter one finds nothing', async () => {
    const root = copyArchive();
    writeFileSync(path.join(root, 'hindsight.config.json'), '{"rules": {"recurrence": ["warn", {"threshold": 0.95}]}}');
    expect(findingsOf(await lintArchive(root), 'recurrence')).toEqual({});
  });

  it('lists the most similar candidates first, at most maxCandidates', async () => {
    const cause =
      'The connection pool of checkout-api was exhausted by a slow call made while each request held its database connection, and requests queued until they timed out.';
    const files: Record<string, string> = {};
    for (const day of ['01', '02', '03', '04'])
      files[`postmortems/2024-01-${day}-pool.md`] =
        `---\nid: P-${day}\ndate: 2024-01-${day}\nservices: [checkout-api]\n---\n# Pool ${day}\n\n## Root Cause\n\n${cause}${day === '04' ? ' The retry budget was also wrong.' : ''}\n`;
    const findings = await lintText(
      `---\ndate: 2024-02-01\nservices: [Checkout-API]\n---\n# Again\n\n## Root cause\n\n${cause} The retry budget was also wrong.\n`,
      {
        only: { recurrence: { maxCandidates: 2 } },
        fileName: 'postmortems/2024-02-01-again.md',
        settings: { archive: exampleArchive(files) },
      },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(
      /does not link: P-04 "Pool 04" \(2024-01-04, postmortems\/2024-01-04-pool\.md, checkout-api, 100% similar\); P-01 .*; and 2 more\. If it is the same cause, add their ids/,
    );
  });

  it('later postmortems, postmortems without services or dates, and short root causes are not candidates', async () => {
    const cause = 'The connection pool of checkout-api was exhausted by a slow call made while each request held its connection.';
    const archive = exampleArchive({
      'postmortems/later.md': `---\ndate: 2025-01-01\nservices: [checkout-api]\n---\n# L\n\n## Root Cause\n\n${cause}\n`,
      'postmortems/same-day.md': `---\ndate: 2024-06-01\nservices: [checkout-api]\n---\n# S\n\n## Root Cause\n\n${cause}\n`,
      'postmortems/no-services.md': `---\ndate: 2024-01-01\n---\n# N\n\n## Root Cause\n\n${cause}\n`,
    });
    const lint = (markdown: string) => lintText(markdown, { only: { recurrence: {} }, fileName: 'postmortems/x.md', settings: { archive } });
    expect(await lint(`---\ndate: 2024-06-01\nservices: [checkout-api]\n---\n# X\n\n## Root Cause\n\n${cause}\n`)).toEqual([]);
    expect(await lint(`---\ndate: 2025-06-01\nservices: [checkout-api]\n---\n# X\n\n## Root Cause\n\nPool exhausted.\n`)).toEqual([]);
    expect(await lint(`---\ndate: 2025-06-01\nservices: [checkout-api]\n---\n# X\n\n## Root Cause\n\n${cause}\n`)).toHaveLength(1);
  });
});

describe('the root-cause index and the similarity', () => {
  it('reads the root-cause section in the heading styles the model knows, up to the next section', () => {
    const styles = [
      '## Root Cause\n\nA full disk stopped writes.\n\n### Contributing factors\n\nNo alert.\n\n## Resolution\n\nFreed space.\n',
      'Root Cause and Resolution\n-------------------------\n\nA full disk stopped writes.\n\n### Contributing factors\n\nNo alert.\n\nLessons Learned\n---------------\n\nFreed space.\n',
      '**Root cause:**\n\nA full disk stopped writes.\n\n### Contributing factors\n\nNo alert.\n\n**Resolution:**\n\nFreed space.\n',
      '## 4. What went wrong\n\n```\n## Resolution\n```\n\n## Root cause\n\nA full disk stopped writes.\n\n### Contributing factors\n\nNo alert.\n\n# Resolution\n\nFreed space.\n',
    ];
    for (const body of styles) {
      const entry = indexEntry('/a/2024-01-02-x.md', `---\nid: 7\ntitle: " T "\n---\n\n# Title\n\n${body}`, 'root-cause');
      expect(entry.rootCause?.text, body).toMatch(/^A full disk stopped writes\.\n\n### Contributing factors\n\nNo alert\.$/);
      expect(entry).toMatchObject({ id: '7', title: 'T', date: '2024-01-02', services: [], related: [] });
    }
    expect(indexEntry('/a/x.md', '# Only a title\n\nText.\n', 'root-cause')).toMatchObject({ title: 'Only a title', date: null, rootCause: null });
    expect(indexEntry('/a/x.md', '---\nid: [unclosed\n---\n# T\n', 'index')).toMatchObject({ id: null, title: 'T' });
    expect(indexEntry('/a/x.md', '---\nincident_start: 2024-03-02T09:00:00Z\nservices: api\nrelated: 12\n---\n', 'index')).toMatchObject({
      date: '2024-03-02',
      services: ['api'],
      related: ['12'],
    });
  });

  it('words: lower case, stop words out, plurals and -ing/-ed trimmed; terms are words and word pairs', () => {
    expect(words('The Connections were exhausted, and requests queued during the Deploying')).toEqual(['connection', 'exhaust', 'request', 'queu', 'deploy']);
    expect([...termCounts('disk full disk full').entries()]).toEqual([
      ['disk', 2],
      ['full', 2],
      ['disk full', 2],
      ['full disk', 1],
    ]);
  });

  it('cosine over TF-IDF: the same text 1, nothing shared 0', () => {
    const a = { filePath: '/a.md', id: null, title: null, date: null, services: [], related: [], rootCause: { line: 1, text: 'pool exhausted by slow calls' } };
    const b = { ...a, filePath: '/b.md', rootCause: { line: 1, text: 'certificate expired after renewal job disabled' } };
    const archive = new Archive('/', [a, b]);
    expect(cosine(archive.vector(a), archive.vector({ ...a }))).toBeCloseTo(1, 6);
    expect(cosine(archive.vector(a), archive.vector(b))).toBe(0);
  });
});
