import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';

const run = async (markdown: string, options: Record<string, unknown> = {}) =>
  (await lintText(markdown, { only: { 'blameless-language': options } })).filter((f) => f.ruleId === 'blameless-language');
const quoted = async (markdown: string, options: Record<string, unknown> = {}) => (await run(markdown, options)).map((f) => /^"([^"]+)"/.exec(f.message)?.[1]);

describe('blameless-language', () => {
  it('names each kind of finding by its message id, at the phrase', async () => {
    const findings = await run(
      "## Root Cause\n\nIt was human error. She should have tested it. A careless change. Blame it on @bob. The SRE failed to page. Ana broke it. John's mistake.\n",
      { extraWords: ['cowboy'] },
    );
    expect(findings.map((f) => `${f.line}:${f.column} ${f.messageId}`)).toEqual([
      '3:8 humanError',
      '3:21 hindsight',
      '3:50 judgement',
      '3:67 blame',
      '3:85 failedTo',
      '3:109 namedCause',
      '3:123 personsMistake',
    ]);
    expect((await run('## Root Cause\n\nA cowboy move.\n', { extraWords: ['cowboy'] })).map((f) => f.messageId)).toEqual(['teamWord']);
  });

  it('reports where the phrase stands, with the blameless reframing', async () => {
    const [finding] = await run('## Root Cause\n\nThe root cause was human error.\n');
    expect(finding).toMatchObject({ line: 3, column: 20, endLine: 3, endColumn: 31, severity: 1 });
    expect(finding!.message).toBe(
      '"human error" names people as the cause: describe what made the mistake possible instead (the missing check, the confusing UI, the unsafe default, the time pressure), and what will catch it next time.',
    );
  });

  it('finds a person named as the cause: handles, first names, roles, possessives', async () => {
    expect(
      await quoted(
        "## Root Cause\n\nThe outage was caused by @ana.lopez. Ana broke the deploy. John's mistake was in the config. A technician forgot to copy the files. It was triggered by an intern. Blame it on @bob. It was Priya’s fault. The fault of the on-call engineer. @li accidentally deleted the table. Caused by me.\n",
      ),
    ).toEqual([
      'caused by @ana.lopez',
      'Ana broke',
      "John's mistake",
      'A technician forgot',
      'triggered by an intern',
      'Blame it on @bob',
      'Priya’s fault',
      'fault of the on-call engineer',
      '@li accidentally deleted',
      'Caused by me',
    ]);
  });

  it('finds hindsight and judgement with a person as subject', async () => {
    expect(
      await quoted(
        "## Lessons\n\nShe should have tested it. The developer should've known. We really should have paged sooner. He failed to escalate. The SRE failed to follow the runbook. Careless, sloppy and negligent work; a rookie mistake; plain incompetence.\n",
      ),
    ).toEqual([
      'She should have',
      "The developer should've",
      'We really should have',
      'He failed to',
      'The SRE failed to',
      'Careless',
      'sloppy',
      'negligent',
      'rookie mistake',
      'incompetence',
    ]);
  });

  it('finds a person as many words before or after the anchor word as the patterns reach', async () => {
    expect(
      await quoted(
        "## Root Cause\n\nThe senior on-call engineer really should have tested it. Our new team members were at fault. It was caused by the night-shift new hire. The on-call forgot the runbook. Our senior team members' screw-ups were blamed on the senior on-call engineer. A senior new hire had failed to page. It was x.should.should @li should have known.\n",
      ),
    ).toEqual([
      'The senior on-call engineer really should have',
      'Our new team members were at fault',
      'caused by the night-shift new hire',
      'The on-call forgot',
      "Our senior team members' screw-ups",
      'blamed on the senior on-call engineer',
      'A senior new hire had failed to',
      '@li should have',
    ]);
  });

  it('follows a phrase across emphasis and a soft line break, not across paragraphs', async () => {
    expect(await quoted('## Root Cause\n\nThis was caused by **@ana**, and\nAna\nbroke it.\n')).toEqual(['caused by @ana', 'Ana broke']);
    expect(await run('## Root Cause\n\nThis was caused by\n\n@ana review.\n')).toEqual([]);
  });

  it('does not report systems as subjects or causes', async () => {
    expect(
      await run(
        '## Root Cause\n\nThe alert should have fired at 10:05. The servers should have failed over. The job failed to start. Failover failed to complete. The outage was caused by a full disk and triggered by the 02:00 cron job. Nginx broke under load; the Apache error log and the error budget were fine. We blame the DNS TTL.\n',
      ),
    ).toEqual([]);
  });

  it('does not report negations, prevention, general lists or lessons about mistakes', async () => {
    expect(
      await run(
        '## Lessons Learned\n\nNo one is to blame. Nobody was at fault. This is not about blame or whose fault it was. It was not human error: the tool allowed it. We automated the step to reduce the risk of human error, and the new flow is less prone to human error. Systems fail for many reasons such as bugs, traffic spikes, hardware failures and human error. Engineers must learn from their mistakes and from his/her mistakes. We failed to account for the second process.\n',
      ),
    ).toEqual([]);
  });

  it('does not report technical terms, licence text, quoted mentions or code', async () => {
    expect(
      await run(
        '## Notes\n\nLazy loading and lazy quantifiers; a dumb terminal; sloppy mode; it was stupidly easy to reproduce. THE SOFTWARE IS PROVIDED WITHOUT WARRANTY (INCLUDING NEGLIGENCE OR OTHERWISE). We do not ask why they were "careless" or say ‘human error’.\n\n```\n# careless: should have been caught; caused by @ana\n```\n\nRun `blame --user @ana` to see it.\n',
      ),
    ).toEqual([]);
  });

  it("adds a team's own words, as whole words in any case", async () => {
    expect(
      await quoted('## Root Cause\n\nA Cowboy Deploy, then cowboy\ndeploys and a YOLO push, not yolomode.\n', { extraWords: ['cowboy deploy', 'yolo'] }),
    ).toEqual(['Cowboy Deploy', 'YOLO']);
  });
});

describe('blameless-language: "should have"', () => {
  it('is hindsight before a past participle, a need before a noun', async () => {
    const found = (
      await lintText(
        '## Lessons\n\nWe should have a runbook for this. We should have more alerts. No one should have access to prod. You should have a backup. We should have immediately rolled back. I should have been paged. He should have known.\n',
        { only: { 'blameless-language': {} } },
      )
    ).map((f) => /^"([^"]+)"/.exec(f.message)?.[1]);
    expect(found).toEqual(['We should have', 'I should have', 'He should have']);
  });
});
