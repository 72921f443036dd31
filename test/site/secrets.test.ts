// What the site publishes of a postmortem (its stored entry: model, excerpt, rendered page,
// findings) carries credentials masked, however they are written. Tokens are built at run
// time so that secret scanners do not flag this file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/lint/config/load.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { createLinter } from '../../src/lint/linter.ts';
import { processFile } from '../../src/site/shared/process.ts';

const GITHUB = ['gh', 'p_', 'Qm7Lx2Vr9Tk4Wb8Nz3Hc6Yf1Jd5Gs0Pa2Re7'].join('');
const STRIPE = ['sk', '_live_', '9fKq2Lx7Rt4Vb8Nw3Zp6Yc1H'].join('');
const AWS_ID = ['AK', 'IA', 'QH4XW7ZN2LRT5BVJ'].join('');

describe('a published postmortem', () => {
  it('shows every credential masked: title, frontmatter, prose, timeline, code and findings', async () => {
    const rules = await loadRules();
    const linter = createLinter(resolveConfig({}, null, process.cwd(), rules), rules, new Date('2026-11-21T12:00:00Z'));
    const source = [
      '---',
      `title: Bot token ${GITHUB.replaceAll('_', '\\_')} leaked`,
      `services: [${STRIPE}]`,
      '---',
      `# Bot token ${GITHUB.replaceAll('_', '\\_')} leaked`,
      '',
      '## Summary',
      '',
      `The deploy log printed ${AWS_ID.replace('Q', '&#x51;')} and ${STRIPE}.`,
      '',
      '## Timeline (all times UTC)',
      '',
      `- 10:02 the bot posted ${GITHUB}`,
      '',
      '```sh',
      `export STRIPE_KEY=${STRIPE}`,
      '```',
      '',
    ].join('\n');
    const processed = processFile(linter, {
      file: path.resolve('leak.md'),
      source,
      boundary: undefined,
      root: process.cwd(),
      slug: 'leak',
      sourcePath: 'leak.md',
      lastUpdated: { iso: '2026-11-20T00:00:00Z', from: 'mtime' } as never,
    });
    const published = JSON.stringify(processed);
    for (const secret of [GITHUB, STRIPE, AWS_ID]) expect(published).not.toContain(secret.slice(4, 14));
    expect(processed.data.model.title).toBe('Bot token ghp_… leaked');
    expect(processed.data.model.timeline.map((e) => e.line)).toEqual([13]);
    expect(processed.data.findings.filter((f) => f.ruleId === 'no-secrets').length).toBeGreaterThanOrEqual(5);
  });
});
