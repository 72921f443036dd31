import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/lint/result.ts';
import { formatGithub } from '../../src/report/github.ts';
import { cwd, finding, fixtureResults } from './fixtures.ts';

describe('formatGithub', () => {
  it('prints one workflow command per finding and nothing else', () => {
    expect(formatGithub(fixtureResults(), { cwd })).toBe(
      [
        '::error file=postmortems/2023-05-10-db.md,line=1,col=1,endLine=1,endColumn=1,title=required-sections::Missing section: Timeline.',
        '::error file=postmortems/2023-05-10-db.md,line=14,col=3,endLine=14,endColumn=40,title=timeline-order::Timeline out of order.',
        '::warning file=postmortems/2023-05-10-db.md,line=102,col=7,endLine=102,endColumn=11,title=no-placeholder::Placeholder "TODO".',
        '::warning file=postmortems/2024-01-02-cdn.md,line=3,col=12,endLine=3,endColumn=23,title=blameless-language::"should have" assigns blame.',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for clean results', () => {
    expect(formatGithub([summarise(join(cwd, 'a.md'), [])], { cwd })).toBe('');
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    const file = join(cwd, 'postmortems', 'db: 50%, outage\n.md');
    const out = formatGithub([summarise(file, [finding('impact-quantified', 2, '100% of users: lost, data\r\nretry', 7, 2, [8, 1])])], { cwd });
    expect(out).toBe(
      '::error file=postmortems/db%3A 50%25%2C outage%0A.md,line=7,col=2,endLine=8,endColumn=1,title=impact-quantified::100%25 of users: lost, data\\r%0Aretry\n',
    );
    expect(out.split('\n')).toHaveLength(2);
  });

  it('never lets an already escaped-looking sequence through unescaped', () => {
    const out = formatGithub([summarise(join(cwd, 'a.md'), [finding('no-placeholder', 1, 'literal %0A and ::error', 1, 1)])], { cwd });
    expect(out).toBe('::warning file=a.md,line=1,col=1,endLine=1,endColumn=1,title=no-placeholder::literal %250A and ::error\n');
  });

  it('never gives an end before the start', () => {
    const out = formatGithub([summarise(join(cwd, 'a.md'), [finding('timezone', 1, 'No zone.', 4, 9, [3, 2])])], { cwd });
    expect(out).toContain(',line=4,col=9,endLine=4,endColumn=9,');
  });
});
