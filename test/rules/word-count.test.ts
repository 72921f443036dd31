// word-count: words of prose (not frontmatter, code, inline code, HTML or URLs), one finding
// at line 1 when outside the configured bounds.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';

const lint = async (md: string, options: Record<string, unknown>) => (await lintText(md, { only: { 'word-count': options } })).map((f) => f.message);
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('word-count', () => {
  it('is off by default and does nothing without bounds', async () => {
    const { loadRules } = await import('../../src/lint/registry.ts');
    expect((await loadRules()).get('word-count')!.severity).toBe('off');
    expect(await lint('# T\n\nShort.\n', {})).toEqual([]);
  });

  it('reports at line 1 with the count and the alx bounds', async () => {
    const findings = await lintText(`# DB outage\n\n${words(310)}\n`, { only: { 'word-count': { min: 400, max: 600 } } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, column: 1 });
    expect(findings[0]!.message).toMatch(/^This postmortem has 312 words; the alx format asks for 400–600\. To fit, say more/);
  });

  it('too long, and one-sided bounds', async () => {
    expect(await lint(`${words(601)}\n`, { min: 400, max: 600 })).toEqual([
      expect.stringMatching(/^This postmortem has 601 words; the alx format asks for 400–600\. To fit, cut/),
    ]);
    expect(await lint(`${words(10)}\n`, { min: 20 })).toEqual([expect.stringContaining('has 10 words; the configuration asks for at least 20.')]);
    expect(await lint(`${words(10)}\n`, { max: 5 })).toEqual([expect.stringContaining('has 10 words; the configuration asks for at most 5.')]);
    expect(await lint(`${words(10)}\n`, { min: 10, max: 10 })).toEqual([]);
  });

  it('counts prose only: headings, paragraphs, lists and tables; not frontmatter, code, HTML or URLs', async () => {
    const md = [
      '---',
      'title: five words in frontmatter',
      '---',
      '# One two', // 2
      '',
      'Three four, see https://example.com/a/b/c and `inline code here`.', // 2 + "see" "and" = 4
      '',
      '- five',
      '',
      '| six | seven |',
      '| --- | --- |',
      '| eight | nine |', // 5
      '',
      '```',
      'code words not counted',
      '```',
      '',
      '<div>html words</div>',
      '',
    ].join('\n');
    expect(await lint(md, { min: 12 })).toEqual([expect.stringContaining('has 11 words')]);
  });

  it('points out words lost to indented code blocks', async () => {
    expect(await lint(`# T\n\nSome prose.\n\n    indented words become code\n`, { min: 400 })).toEqual([
      expect.stringContaining('4 more words stand in indented code blocks'),
    ]);
  });

  it('the alx preset turns it on, as an error', async () => {
    const findings = (await lintText(`# T\n\n${words(20)}\n`, { config: { extends: 'alx' } })).filter((f) => f.ruleId === 'word-count');
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[1, 2]]);
    expect(findings[0]!.message).toContain('has 21 words; the alx format asks for 400–600.');
  });
});
