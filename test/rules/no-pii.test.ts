import { describe, expect, it } from 'vitest';
import { findEmails, findPhones } from '../../rules/no-pii.ts';
import { lintText } from '../helpers/lint-text.ts';
import { PHONE_GROUPINGS } from '../helpers/phone-numbers.ts';

const run = async (markdown: string, options: Record<string, unknown> = {}) =>
  (await lintText(markdown, { only: { 'no-pii': options } })).filter((f) => f.ruleId === 'no-pii');
const emails = (text: string, allow: string[] = []) => findEmails(text, allow).map((h) => h.value);
const phones = (text: string) => findPhones(text).map((h) => h.value);

describe('no-pii', () => {
  it('names each kind of finding by its message id', async () => {
    const findings = await run('## Timeline\n\n- Paged ana.lopez@cardhaven.io, then called +44 20 7946 0000.\n');
    expect(findings.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.messageId}`)).toEqual(['3:9-31 email', '3:45-61 phone']);
  });

  it('reports an address in prose, code, a link target and the frontmatter, masked, where it stands', async () => {
    const findings = await run(
      '---\nauthors: [ana.lopez@acme.io]\n---\n# Outage\n\nMail [Bob](mailto:bob.smith@acme.io) or priya@corp.co.uk.\n\n```\nFrom: Jane Roe <jane.roe@gmail.com>\n```\n',
    );
    expect(findings.map((f) => [f.line, f.column, f.endColumn])).toEqual([
      [2, 11, 28],
      [6, 19, 36],
      [6, 41, 57],
      [9, 17, 35],
    ]);
    expect(findings.map((f) => f.message.slice(0, f.message.indexOf('"', 16) + 1))).toEqual([
      'E-mail address "an…@acme.io"',
      'E-mail address "bo…@acme.io"',
      'E-mail address "p…@corp.co.uk"',
      'E-mail address "ja…@gmail.com"',
    ]);
    for (const f of findings) expect(f.message).not.toMatch(/ana\.lopez|bob\.smith|priya@|jane\.roe/);
  });

  it('does not report handles, placeholder domains, role and service accounts, files, packages, URLs', () => {
    expect(
      emails(
        '@ana and @ops-team; jane@example.com, a@b.com, foo@bar.com, user@domain.com, x@sub.example.org, a@b.test, u@host.invalid, root@localhost, me@box.local, ops@api.internal; support@acme.io, noreply@acme.io, no-reply@acme.io, security@acme.io, git@github.com:acme/api.git, ubuntu@ip-10-0-0-1, deploy@web-01.acme.io; 123+user@users.noreply.github.com; logo@2x.png, icon@3x.webp; lodash@4.17.21, express@latest, @babel/core@7.24.0, golang.org/x/net@v0.17.0; https://medium.com/@ana/post, https://user:pass@host.acme.io, image@sha256:abcdef',
      ),
    ).toEqual([]);
  });

  it('finds plain addresses in their usual forms', () => {
    expect(
      emails('Write to Ana.Lopez+alerts@mail.acme-corp.com. <li.wei@acme.io>, "o\'neil@acme.io", (ana@acme.io); mailto:x.y@acme.io ?email=bo@acme.io'),
    ).toEqual(['Ana.Lopez+alerts@mail.acme-corp.com', 'li.wei@acme.io', 'neil@acme.io', 'ana@acme.io', 'x.y@acme.io', 'bo@acme.io']);
  });

  it('allows the domains given, and their subdomains', async () => {
    expect(await run('# Outage\n\nana@acme.com, bo@eng.acme.com and li@notacme.com\n', { allowDomains: ['acme.com'] })).toMatchObject([{ column: 35 }]);
  });

  it('finds phone numbers in phone-like groupings', () => {
    expect(phones(`Call ${PHONE_GROUPINGS.join(', ')}; phone: 020 7946 0000; mobile 07700 900123; tel. 0171-234 5678.`)).toEqual([
      ...PHONE_GROUPINGS,
      '020 7946 0000',
      '07700 900123',
      '0171-234 5678',
    ]);
  });

  it('does not take dates, times, versions, IPs, ports, tickets, durations, ids or UUIDs for phone numbers', () => {
    expect(
      phones(
        'On 2024-05-10 09:00:00 UTC (10/05/2024, 2024/05/10) build 4.18.2.1023 on 192.168.100.200:8443 and 10.0.0.1; ports 8080 and 443; ticket OPS-2024-0512, JIRA-555-123-4567, INC 2024 0510 1234; took 2 hours 30 minutes; 1234567890 bytes; id 9b2f4c1e-7d3a-4e8b-9c6f-2a1b3c4d5e6f; 123-456-78901; order 555-1234; +3 hours; UTC+03:00; +100 500 requests; 2024 05 10 12 00; 1.234.567.890 rows; sha 3f9c2e1a7b4d',
      ),
    ).toEqual([]);
  });

  it('reads weak groupings only after a word that announces a number, on the same line', () => {
    expect(phones('We saw 020 7946 0000 requests.')).toEqual([]);
    expect(phones('Her phone:\n020 7946 0000')).toEqual([]);
    expect(phones('The bridge line: call 020 7946 0000')).toEqual(['020 7946 0000']);
  });

  it('masks phone numbers in the message', async () => {
    const [finding] = await run('# Outage\n\nThe vendor called from +44 20 7946 0000.\n');
    expect(finding!.message).toBe('Phone number "+44 …" is personal data: remove it, or point to the on-call rota or the team\'s channel instead.');
  });
});

describe('no-pii: role mailboxes of published reports', () => {
  it.each(['security@acme-corp.io', 'bounty@acme-corp.io', 'support@acme-corp.io', 'noreply@acme-corp.io', 'conduct@acme-corp.io', 'psirt@acme-corp.io'])(
    'does not report %s',
    (address) => {
      expect(emails(`Write to ${address} about it.`)).toEqual([]);
    },
  );

  it("still reports a person's address beside them", () => {
    expect(emails('Reported by jane.doe@acme-corp.io to security@acme-corp.io.')).toEqual(['jane.doe@acme-corp.io']);
  });
});
