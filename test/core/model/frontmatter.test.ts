// The YAML frontmatter: data when valid, errors with their file line and column when not,
// safe against alias bombs; and the title taken from it or from the first H1.
import { describe, expect, it } from 'vitest';
import { aliasBombLines } from '../../helpers/alias-bomb.ts';
import { doc, inspect, model } from './inspect-helpers.ts';

describe('frontmatter', () => {
  it('reads valid YAML into data', () => {
    const md = doc('---', 'title: Queue outage', 'severity: SEV2', 'services: [api, worker]', 'date: 2024-03-02', '---', '# Ignored title');
    const out = inspect(md);
    // YAML 1.2 (core schema): an unquoted date stays a string.
    expect(out.frontmatter).toEqual({ title: 'Queue outage', severity: 'SEV2', services: ['api', 'worker'], date: '2024-03-02' });
    expect(out.frontmatterErrors).toEqual([]);
  });

  it('reads an empty block as empty data', () => {
    expect(inspect(doc('---', '---', '# T')).frontmatter).toEqual({});
  });

  it('reports invalid YAML with data null and the FILE line and column of the problem', () => {
    const md = doc(
      '---', // 1
      'title: Queue outage', // 2
      'severity: SEV2', // 3
      'owner: @ana', // 4
      '---', // 5
      '# T', // 6
    );
    const out = inspect(md);
    expect(out.frontmatter).toBeNull();
    expect(out.frontmatterErrors).toHaveLength(1);
    expect(out.frontmatterErrors[0]).toMatchObject({ line: 4, column: 8 });
    expect(out.frontmatterErrors[0]!.message).toMatch(/reserved character @/);
  });

  it('reports a bad indentation on the line where it stands', () => {
    const md = doc('---', 'title: T', 'tags:', '  - a', ' - b', '---', '# T');
    const out = inspect(md);
    expect(out.frontmatter).toBeNull();
    expect(out.frontmatterErrors[0]!.line).toBe(5);
  });

  it('reports duplicate keys at the second key', () => {
    const md = doc('---', 'title: T', 'severity: SEV1', 'severity: SEV2', '---', '# T');
    const out = inspect(md);
    expect(out.frontmatter).toBeNull();
    expect(out.frontmatterErrors).toEqual([{ message: expect.stringMatching(/unique/i), line: 4, column: 1 }]);
  });

  it('reports a YAML alias bomb as an error instead of expanding it', () => {
    const lines = ['---', ...aliasBombLines()];
    lines.push('---', '# T');
    const heap = process.memoryUsage().heapUsed;
    const out = inspect(doc(...lines));
    // Expanded, the aliases would stand for billions of strings: the heap shows they were not.
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
    expect(out.frontmatter).toBeNull();
    expect(out.frontmatterErrors).toHaveLength(1);
    expect(out.frontmatterErrors[0]!.message).toMatch(/alias/i);
    expect(out.frontmatterErrors[0]!.line).toBe(2);
  });

  it('reports a frontmatter that is not a mapping', () => {
    const out = inspect(doc('---', '- a', '- b', '---', '# T'));
    expect(out.frontmatter).toBeNull();
    expect(out.frontmatterErrors).toEqual([{ message: expect.stringMatching(/mapping/), line: 2, column: 1 }]);
  });

  it('gives data null and no errors when there is no frontmatter', () => {
    const out = inspect(doc('# T', '', 'Text.'));
    expect(out.frontmatter).toBeNull();
    expect(out.frontmatterErrors).toEqual([]);
  });

  it('reads a block only at the very start of the file', () => {
    const out = inspect(doc('', '---', 'title: T', '---', '# Real'));
    expect(out.frontmatter).toBeNull();
  });

  it('reads a CRLF file, with error lines still right', () => {
    const good = inspect('---\r\ntitle: T\r\nseverity: SEV2\r\n---\r\n# H\r\n');
    expect(good.frontmatter).toEqual({ title: 'T', severity: 'SEV2' });
    const bad = inspect('---\r\ntitle: T\r\nseverity: SEV1\r\nseverity: SEV2\r\n---\r\n# H\r\n');
    expect(bad.frontmatterErrors[0]).toMatchObject({ line: 4, column: 1 });
  });

  it('takes the title from the frontmatter, with its key line', () => {
    const md = doc('---', 'severity: SEV2', 'title: "Search outage"', '---', '# Something else');
    expect(inspect(md).title).toBe('Search outage');
    expect(model(md).titleLine).toBe(3);
  });

  it('takes the title from the first H1 otherwise, with its line', () => {
    const md = doc('---', 'severity: SEV2', 'title: "  "', '---', '', '# Search outage', '', '## Summary');
    expect(inspect(md).title).toBe('Search outage');
    expect(model(md).titleLine).toBe(6);
  });

  it('has no title when there is neither', () => {
    expect(inspect(doc('## Summary', 'x')).title).toBeNull();
  });
});
