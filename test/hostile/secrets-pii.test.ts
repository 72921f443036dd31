// `no-secrets` and `no-pii` against a labelled set: credentials of the common providers,
// private keys, passwords in URLs, e-mail addresses and phone numbers (positives), and what
// looks like them and is not (hashes, UUIDs, versions, template addresses, ids, dates, IPs,
// base64 of plain text, documentation examples, redactions). The test prints precision and
// recall of each rule and requires both to be at least 0.95; no finding repeats a secret.
// Every credential is built at run time from pieces, so that this repository holds no
// string a secret scanner would flag.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/engine.ts';
import { lintText } from '../helpers/lint-text.ts';
import { PHONE_GROUPINGS } from '../helpers/phone-numbers.ts';

/** A deterministic random-looking string of `n` characters from `alphabet`. */
function token(n: number, seed: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  // mulberry32
  let a = (seed * 0x9e3779b9) >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += alphabet[((t ^ (t >>> 14)) >>> 0) % alphabet.length];
  }
  return out;
}
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const j = (...parts: string[]): string => parts.join('');
const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

type Label = 'no-secrets' | 'no-pii' | null;

interface Case {
  name: string;
  label: Label;
  /** The text the case puts in a postmortem. */
  text: string;
  /** What must never appear in a finding's message (the secret or the address). */
  secret?: string;
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
const pkcs8 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** A credential in context; `hidden`: the part no message may show (a URL's password; default all of it). */
function secret(name: string, value: string, around = (v: string) => `The logs showed ${v} in the request.`, hidden = value): Case {
  return { name, label: 'no-secrets', text: around(value), secret: hidden };
}

/** A URL with a password: the password is what must stay hidden. */
function urlSecret(name: string, before: string, password: string, after: string, around?: (v: string) => string): Case {
  return secret(name, before + password + after, around, password);
}

/** base64 of a JSON object whose encoding ends in "fQ" (a closing brace at the start of a group). */
function jsonToken(value: Record<string, unknown>): string {
  let json = JSON.stringify(value);
  while (json.length % 3 !== 1) json = json.replace(/}$/, ' }');
  return Buffer.from(json).toString('base64');
}

const inCode = (v: string): string => `\`\`\`sh\ncurl -H "Authorization: Bearer ${v}" https://api.vendor.io/v1/items\n\`\`\``;
const inEnv =
  (key: string) =>
  (v: string): string =>
    `\`\`\`\nexport ${key}=${v}\n\`\`\``;

const SECRETS: Case[] = [
  secret('AWS access key id', j('AK', 'IA', token(16, 1, UPPER)), inEnv('AWS_ACCESS_KEY_ID')),
  secret('AWS access key id in prose', j('AK', 'IA', token(16, 2, UPPER))),
  secret('AWS secret access key', token(40, 3, B64), (v) => `aws_secret_access_key = "${v}"`),
  secret('AWS session key id (ASIA)', j('AS', 'IA', token(16, 4, UPPER)), inEnv('AWS_ACCESS_KEY_ID')),
  secret('GitHub personal access token', j('gh', 'p_', token(36, 5)), inCode),
  secret('GitHub OAuth token', j('gh', 'o_', token(36, 6))),
  secret('GitHub app user token', j('gh', 'u_', token(36, 7))),
  secret('GitHub app server token', j('gh', 's_', token(36, 8)), inEnv('GITHUB_TOKEN')),
  secret('GitHub refresh token', j('gh', 'r_', token(36, 9))),
  secret('GitHub fine-grained token', j('github', '_pat_', token(22, 10), '_', token(59, 11)), inCode),
  secret('GitLab personal access token', j('gl', 'pat-', token(20, 12)), inCode),
  secret('GitLab pipeline trigger token', j('gl', 'ptt-', token(40, 13, HEX))),
  secret('Slack bot token', j('xo', 'xb-', token(11, 14, '0123456789'), '-', token(12, 15, '0123456789'), '-', token(24, 16))),
  secret(
    'Slack user token',
    j('xo', 'xp-', token(11, 17, '0123456789'), '-', token(11, 18, '0123456789'), '-', token(12, 19, '0123456789'), '-', token(32, 20, HEX)),
  ),
  secret(
    'Slack webhook',
    j('https://hooks.slack.com/services/T', token(8, 21, UPPER), '/B', token(8, 22, UPPER), '/', token(24, 23)),
    undefined,
    token(24, 23),
  ),
  secret('Stripe live secret key', j('sk', '_live_', token(24, 24)), inEnv('STRIPE_SECRET_KEY')),
  secret('Stripe restricted key', j('rk', '_live_', token(24, 25))),
  secret('Stripe test secret key', j('sk', '_test_', token(24, 26)), inCode),
  secret('Stripe webhook secret', j('wh', 'sec_', token(32, 27)), inEnv('STRIPE_WEBHOOK_SECRET')),
  secret('Google API key', j('AI', 'za', token(35, 28, B64URL))),
  secret(
    'Google API key in a URL',
    j('AI', 'za', token(35, 29, B64URL)),
    (v) => `See https://maps.googleapis.com/maps/api/geocode/json?address=x&key=${v} in the log.`,
  ),
  secret('Google OAuth client secret', j('GOC', 'SPX-', token(28, 30, B64URL)), inEnv('GOOGLE_CLIENT_SECRET')),
  secret('Google OAuth access token', j('ya', '29.', token(60, 31, B64URL))),
  secret('npm access token', j('np', 'm_', token(36, 32)), (v) => `\`\`\`\n//registry.npmjs.org/:_authToken=${v}\n\`\`\``),
  secret('npm token in prose', j('np', 'm_', token(36, 33))),
  secret('SendGrid key', j('S', 'G.', token(22, 34), '.', token(43, 35))),
  secret('OpenAI key', j('sk', '-proj-', token(74, 36, B64URL), 'T3Blbk', 'FJ', token(74, 37, B64URL))),
  secret('Anthropic key', j('sk', '-ant-api03-', token(93, 38, B64URL), 'AA'), inEnv('ANTHROPIC_API_KEY')),
  secret('Hugging Face token', j('h', 'f_', token(34, 39, 'abcdefghijklmnopqrstuvwxyzABCDEFGH'))),
  secret('Docker access token', j('dckr', '_pat_', token(27, 40, B64URL))),
  secret('Databricks token', j('da', 'pi', token(32, 41, HEX))),
  secret('Shopify access token', j('sh', 'pat_', token(32, 42, HEX))),
  secret('Grafana service account token', j('gl', 'sa_', token(32, 43), '_', token(8, 44, HEX))),
  secret('Vercel token', j('vc', 'p_', token(24, 45))),
  secret('Linear API key', j('lin', '_api_', token(40, 46))),
  secret('Notion token', j('nt', 'n_', token(11, 47, '0123456789'), token(35, 147))),
  secret('HashiCorp Vault token', j('hv', 's.', token(90, 48, B64URL))),
  secret('Twilio API key', j('S', 'K', token(32, 49, HEX)), (v) => `twilio api:core:keys:create returned ${v} as the key SID`),
  secret(
    'JSON Web Token',
    j(b64url({ alg: 'HS256', typ: 'JWT' }), '.', b64url({ sub: token(8, 50), role: 'admin', exp: 1_900_000_000 }), '.', token(43, 51, B64URL)),
    inCode,
  ),
  secret(
    'JSON Web Token in a cookie',
    j(b64url({ alg: 'RS256', kid: token(6, 52) }), '.', b64url({ sub: 'svc-deploy', iat: 1_700_000_000 }), '.', token(86, 53, B64URL)),
    (v) => `Cookie: session=${v}`,
  ),
  secret(
    'Azure storage connection string',
    j('DefaultEndpointsProtocol=https;AccountName=acmelogs;Account', 'Key=', token(86, 54, B64), '==;EndpointSuffix=core.windows.net'),
  ),
  secret('DigitalOcean token', j('do', 'p_v1_', token(64, 55, HEX))),
  secret('Mailgun key', j('ke', 'y-', token(32, 56, HEX)), inEnv('MAILGUN_API_KEY')),
  secret('Square access token', j('sq0', 'atp-', token(22, 57, B64URL))),
  secret('PyPI token', j('pypi-', 'AgEIcHlwaS5vcmc', token(60, 58, B64URL))),
  secret('Telegram bot token', j(token(10, 59, '0123456789').replace(/^0/, '7'), ':AA', token(33, 60, B64URL)), inEnv('TELEGRAM_BOT_TOKEN')),
  secret('Discord webhook', j('https://discord.com/api/webhooks/', token(18, 61, '0123456789'), '/', token(68, 62, B64URL)), undefined, token(68, 62, B64URL)),
  secret('RSA private key', rsa, (v) => `\`\`\`\n${v}\`\`\``),
  secret('EC private key', ec, (v) => `The key file held:\n\n${v}`),
  secret('PKCS#8 private key', pkcs8, (v) => `\`\`\`\n${v}\`\`\``),
  urlSecret('password in a PostgreSQL URL', 'postgres://orders:', j('Vw8', 'qLm2Zr'), '@db-primary.acme.io:5432/orders', inCode),
  urlSecret('password in a MySQL URL', 'mysql://app:', j('Tq4', 'vNp9Xs'), '@10.0.3.7:3306/shop'),
  urlSecret('password in a MongoDB URL', 'mongodb+srv://svc:', j('Hb7', 'rTq2Lk'), '@cluster0.acme.mongodb.net/app'),
  urlSecret('password in a Redis URL', 'redis://:', j('Pz3', '!kW9mQ'), '@cache-01.acme.io:6379'),
  urlSecret('password in an AMQP URL', 'amqp://orders:', j('Jc5', 'xRt8Yw'), '@mq.acme.io/vhost'),
  urlSecret('password in an HTTPS URL', 'https://deploy:', j('Kv2', 'mNs7Qp'), '@registry.acme.io/v2/'),
  urlSecret('password in an FTP URL', 'ftp://backup:', j('Ws6', 'tLn4Dz'), '@files.acme.io/dumps'),
  urlSecret('password in an LDAP URL', 'ldap://cn=admin:', j('Rm8', 'qWz3Xv'), '@ldap.acme.io'),
  secret(
    'GCP service account key',
    j(
      '{"type": "service_account", "project_id": "acme-prod", "private_key_id": "',
      token(40, 63, HEX),
      '", "private_key": "',
      rsa.replace(/\n/g, '\\n'),
      '", "client_email": "deploy@acme-prod.iam.gserviceaccount.com"}',
    ),
    (v) => `\`\`\`json\n${v}\n\`\`\``,
  ),
  secret(
    '1Password service account token',
    j(
      'op',
      's_',
      jsonToken({
        signInAddress: 'acme.1password.com',
        userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: token(22, 64) },
        email: `${token(12, 65).toLowerCase()}@1passwordserviceaccounts.com`,
        srpX: token(64, 66, HEX),
        muk: { alg: 'A256GCM', k: token(43, 67, B64URL), kty: 'oct', kid: 'mp' },
        secretKey: `A3-${token(6, 68, UPPER)}-${token(6, 69, UPPER)}`,
        deviceUuid: token(26, 72, UPPER).toLowerCase(),
      }),
    ),
  ),
];

/** The personal part of an address (its domain, an organisation's, may be shown). */
const local = (address: string): string => address.slice(0, address.lastIndexOf('@'));

const PII: Case[] = [
  ...[
    'ana.lopez@cardhaven.io',
    'Bob.Smith@acme-corp.com',
    'priya+alerts@corp.co.uk',
    'li.wei@mail.acme.io',
    'o.neil@acme.io',
    'jdoe1984@gmail.com',
    'kofi.asante@outlook.com',
    'm.rossi@libero.it',
    'sam_lee@acme.dev',
    'ANA.LOPEZ@ACME.IO',
    'x.y@sub.domain.acme.org',
    'first.last@university.edu',
  ].map(
    (address, i): Case => ({ name: `e-mail address ${i + 1}`, label: 'no-pii', text: `The vendor escalated to ${address} at 09:12.`, secret: local(address) }),
  ),
  { name: 'e-mail in a mailto link', label: 'no-pii', text: 'Mail [Bob](mailto:bob.smith@acme.io) for the logs.', secret: 'bob.smith' },
  { name: 'e-mail in angle brackets in a log', label: 'no-pii', text: '```\nFrom: Jane Roe <jane.roe@gmail.com>\n```', secret: 'jane.roe' },
  { name: 'e-mail in the frontmatter', label: 'no-pii', text: 'authors: [ana.lopez@acme.io]', secret: 'ana.lopez' },
  { name: 'e-mail in a table', label: 'no-pii', text: '| Owner | Contact |\n| --- | --- |\n| Ana | ana.lopez@acme.io |', secret: 'ana.lopez' },
  ...[...PHONE_GROUPINGS, '+91 98765 43210', '+61 2 9876 5432', '+254 712 345678', '+1 415 555 0123'].map(
    (number, i): Case => ({ name: `phone number ${i + 1}`, label: 'no-pii', text: `The engineer's number ${number} was in the page.`, secret: number }),
  ),
  { name: 'phone after "call"', label: 'no-pii', text: 'The bridge line: call 020 7946 0000', secret: '020 7946 0000' },
  { name: 'phone after "mobile"', label: 'no-pii', text: 'mobile 07700 900123', secret: '07700 900123' },
  { name: 'phone in a log', label: 'no-pii', text: '```\n09:15 pager: calling +44 20 7946 0000 (primary on-call)\n```', secret: '+44 20 7946 0000' },
];

const NEGATIVES: Case[] = [
  ...[
    'commit 3f9c2e1a7b4d8e6f0a1c2b3d4e5f6a7b8c9d0e1f broke the build',
    'short SHA 3f9c2e1 was deployed',
    'image sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae was pulled',
    'md5 9e107d9d372bb6826bd81d3542a419d6 of the dump',
    'request id 9b2f4c1e-7d3a-4e8b-9c6f-2a1b3c4d5e6f failed',
    'trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7',
    'version 4.18.2, then v5.0.0-rc.1 and 2024.05.10.1',
    'lodash@4.17.21 and @babel/core@7.24.0 were bumped',
    'golang.org/x/net@v0.17.0 fixed it',
    'Template contact: jane.doe@example.com',
    'Send it to user@domain.com or foo@bar.com in the sample',
    'support@cardhaven.io and noreply@cardhaven.io answered',
    '`git clone git@github.com:acme/api.git`',
    '123+octocat@users.noreply.github.com pushed the fix',
    'logo@2x.png did not load',
    'root@localhost and ops@api.internal got the alert',
    'https://medium.com/@ana/post-mortems',
    'On 2024-05-10 09:00:00 UTC and 10/05/2024',
    'build 4.18.2.1023 on 192.168.100.200:8443 and 10.0.0.1',
    'IPv6 2001:db8::8a2e:370:7334 was unreachable',
    'ports 8080 and 443; ticket OPS-2024-0512',
    'order 1234567890 and 1,234,567 rows',
    'took 2 hours 30 minutes from 10:00-12:30',
    'aGVsbG8gd29ybGQgZnJvbSB0aGUgcG9zdG1vcnRlbQ== is base64 of a greeting',
    'The AWS example key AKIAIOSFODNN7EXAMPLE from the docs',
    'export API_TOKEN=<redacted>',
    'GITHUB_TOKEN=${GITHUB_TOKEN} in the workflow',
    'the token ghp_************************************ was revoked',
    'psql postgres://app:****@db-primary:5432/orders',
    'redis-cli -u redis://default:${REDIS_PASSWORD}@cache:6379',
    'https://user:pass@example.com/x in the sample config',
    'amqp://guest:password@mq:5672 is the default',
    'redis://cache-01.acme.io:6379/0 was full',
    'https://status.acme.io/incidents/42 shows it',
    'arn:aws:iam::123456789012:role/deploy was assumed',
    'account_id = 1234-5678-9012',
    'Slack channel C01234ABCDE and user U02ABCDEF12',
    'the publishable key pk_live_ is meant for browsers',
    'header eyJhbGciOiJIUzI1NiJ9 alone is not a token',
    'hex colour #ff8800 and #336699',
    '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
    '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----',
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq6zv+x4x6 deploy@ci (a public key)',
    'the key id kms-key-2024-05 rotated',
    'password: ******** in the form',
    'ISBN 978-3-16-148410-0 of the runbook book',
    'latency p99 1234 ms, p50 567 ms',
    'the Kubernetes secret db-credentials was mounted',
    'UTC+03:00 and +3 hours later',
    'INC 2024 0510 1234 was the incident number',
    'sk-test is the name of the test cluster',
    'the key-rotation job and key-value store',
    'ghp_ is the prefix of GitHub tokens',
    'A token like xoxb-... is a Slack bot token',
    'S3 bucket s3://acme-logs/2024/05/10/ held the logs',
    'the JWT_SECRET variable was unset',
    '2024-05-10T09:15:00+03:00 start',
    '3.14159265358979 is not a phone number',
    '+1 for the fix',
    'Phone: N/A',
  ].map((text, i): Case => ({ name: `look-alike ${i + 1}: ${text.slice(0, 40)}`, label: null, text })),
];

const CASES = [...SECRETS, ...PII, ...NEGATIVES];

async function findingsOf(c: Case): Promise<Finding[]> {
  const markdown = c.text.startsWith('authors:') ? `---\n${c.text}\n---\n# Outage\n` : `# Outage\n\n## Timeline\n\n${c.text}\n`;
  return (await lintText(markdown, { only: { 'no-secrets': {}, 'no-pii': {} } })).filter((f) => f.ruleId === 'no-secrets' || f.ruleId === 'no-pii');
}

describe('no-secrets and no-pii on a labelled set', () => {
  it('has at least 50 positives and 50 look-alike negatives', () => {
    expect(SECRETS.length + PII.length).toBeGreaterThanOrEqual(50);
    expect(SECRETS.length).toBeGreaterThanOrEqual(50);
    expect(PII.length).toBeGreaterThanOrEqual(25);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(50);
  });

  it('finds the positives and not the look-alikes: precision and recall of each rule at least 0.95', async () => {
    const misses: string[] = [];
    const stats: Record<'no-secrets' | 'no-pii', { tp: number; fp: number; fn: number }> = {
      'no-secrets': { tp: 0, fp: 0, fn: 0 },
      'no-pii': { tp: 0, fp: 0, fn: 0 },
    };
    for (const c of CASES) {
      const findings = await findingsOf(c);
      for (const rule of ['no-secrets', 'no-pii'] as const) {
        const fired = findings.some((f) => f.ruleId === rule);
        if (c.label === rule && fired) stats[rule].tp++;
        else if (c.label === rule) {
          stats[rule].fn++;
          misses.push(`${rule} missed: ${c.name}`);
        } else if (fired) {
          stats[rule].fp++;
          misses.push(`${rule} flagged: ${c.name}: ${findings.find((f) => f.ruleId === rule)!.message.slice(0, 100)}`);
        }
      }
    }
    const rates = Object.fromEntries(
      Object.entries(stats).map(([rule, s]) => [rule, { precision: s.tp / Math.max(1, s.tp + s.fp), recall: s.tp / Math.max(1, s.tp + s.fn), ...s }]),
    );
    for (const [rule, r] of Object.entries(rates)) {
      console.log(
        `${rule}: precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)} (${r.tp} found, ${r.fn} missed, ${r.fp} false alarms; ${CASES.length} labelled cases)`,
      );
    }
    if (misses.length > 0) console.log(misses.join('\n'));
    for (const r of Object.values(rates)) {
      expect(r.precision).toBeGreaterThanOrEqual(0.95);
      expect(r.recall).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('never repeats a secret or an address in a message: at most its first few characters', async () => {
    for (const c of [...SECRETS, ...PII]) {
      for (const f of await findingsOf(c)) {
        const value = c.secret!;
        // Not the value, not its first eight characters, not a long piece of it (of a PEM
        // block: of its body; the BEGIN line names the kind of key and may be shown).
        const pem = /-----BEGIN [A-Z ]*-----\r?\n([\s\S]*?)-----END/.exec(value)?.[1];
        const shown = pem ?? value;
        expect(f.message, c.name).not.toContain(shown.trim());
        const firstLine = shown.split(/\\n|\n/).find((l) => l.length > 20 && !l.includes('-----')) ?? shown;
        for (let at = 0; at + 12 <= firstLine.length; at += 6) expect(f.message, c.name).not.toContain(firstLine.slice(at, at + 12));
        if (!pem && value.length >= 12) expect(f.message, c.name).not.toContain(value.slice(0, 8));
        // Short values (a password, a local part): at most a quarter of them.
        if (value.length < 12) expect(f.message, c.name).not.toContain(value.slice(0, (value.length >> 2) + 1));
      }
    }
  });
});
