// no-secrets: secretlint's recommended preset, run synchronously, plus passwords in URLs.
// Every credential below is built at run time, so that secret scanners reading this
// repository do not flag fake tokens.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintSource } from '@secretlint/core';
import { creator as preset } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { PRESET_GATES, rulesWorthRunning } from '../../src/lint/secrets/gates.ts';
import { scanUrlPasswords, scanWithPreset } from '../../src/lint/secrets/scan.ts';
import { lintText } from '../helpers/lint-text.ts';

const run = async (markdown: string, options: Record<string, unknown> = {}) =>
  (await lintText(markdown, { only: { 'no-secrets': options } })).filter((f) => f.ruleId === 'no-secrets');

/** A deterministic random-looking string of `n` characters from `alphabet`. */
function token(n: number, seed: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';

const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const SECRETS: Record<string, string> = {
  'AWS Access Key ID': ['AK', 'IA', token(16, 1, UPPER)].join(''),
  'GitHub personal access token': ['gh', 'p_', token(36, 2)].join(''),
  'GitLab Personal Access Token': ['gl', 'pat-', token(20, 3)].join(''),
  'slack token': ['xo', 'xb-', '2', token(11, 4, '0123456789'), '-', token(24, 5)].join(''),
  'npm access token': ['np', 'm_', token(36, 6)].join(''),
  'Sendgrid api key': ['S', 'G.', token(22, 7), '.', token(43, 8)].join(''),
  'Anthropic Claude API key': ['sk-', 'ant-api03-', token(93, 9), 'AA'].join(''),
  'Docker Personal Access Token': ['dckr', '_pat_', token(27, 10)].join(''),
  'Databricks personal access token': ['da', 'pi', token(32, 11, HEX)].join(''),
  'Hugging Face User Access Token': ['h', 'f_', token(34, 12, 'abcdefghijklmnopqrstuvwxyzABCDEFGH')].join(''),
};

describe('no-secrets', () => {
  it.each(Object.entries(SECRETS))('finds a %s in a code block, masked', async (kind, secret) => {
    const findings = await run(`# Outage\n\n## Resolution\n\n\`\`\`sh\ncurl -H "Authorization: Bearer ${secret}" https://api.vendor.io\n\`\`\`\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 6, column: 32, severity: 2 });
    expect(findings[0]!.message).toContain(`${kind.charAt(0).toUpperCase()}${kind.slice(1)} "${secret.slice(0, 4)}…"`);
    expect(findings[0]!.message).not.toContain(secret.slice(0, 8));
  });

  it('finds an AWS secret key by its name, standing at the value itself', async () => {
    const secret = token(40, 13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+');
    const findings = await run(`# Outage\n\nThe log showed aws_secret_access_key = "${secret}" in prose.\n`);
    expect(findings).toMatchObject([{ line: 3, column: 41, endColumn: 81 }]);
    expect(findings[0]!.message).toContain(`AWS Secret Access Key "${secret.slice(0, 4)}…"`);
  });

  it('finds a private key in the frontmatter or prose and shows only its header', async () => {
    const findings = await run(
      `---\nnotes: |\n${rsa
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}\n---\n# Outage\n\n${rsa}\n`,
    );
    expect(findings.map((f) => f.line)).toEqual([3, 22]);
    for (const f of findings) {
      expect(f.message).toContain('Private key "-----BEGIN RSA PRIVATE KEY-----…"');
      expect(f.message).not.toContain(rsa.split('\n')[1]!.slice(0, 10));
    }
  });

  it('finds passwords in URLs of any scheme, masking the password only', async () => {
    const pw = ['Hx9', '!kq2Lw'].join('');
    const findings = await run(
      `# Outage\n\n- redis://:${pw}@cache-01:6379\n- amqp://orders:${pw}@mq.acme.io/vhost\n- https://deploy:${pw}@registry.acme.io/v2\n- postgres://app:${pw}@db-primary:5432/orders\n- https://deploy:${['plain', 'Pass99'].join('')}@git.acme.io/repo\n`,
    );
    expect(findings.map((f) => f.message.slice(0, f.message.indexOf('" ') + 1))).toEqual([
      'Password in a URL "redis://:Hx…@cache-01"',
      'Password in a URL "amqp://orders:Hx…@mq.acme.io"',
      'Password in a URL "https://deploy:Hx…@registry.acme.io"',
      'PostgreSQL connection string "postgres://app:Hx…@db-primary:5432"',
      'Basic auth credential "https://deploy:pl…@git.acme.io"',
    ]);
  });

  it('does not report placeholders, redactions, documentation hosts, hashes and ids', async () => {
    expect(
      await run(
        [
          '# Outage',
          '',
          '```',
          'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
          'export API_TOKEN=<redacted> GITHUB_TOKEN=${GITHUB_TOKEN}',
          'psql postgres://app:****@db-primary:5432/orders',
          'redis-cli -u redis://default:${REDIS_PASSWORD}@cache:6379',
          'amqp://guest:password@mq:5672 https://user:pass@example.com/x https://admin:s3cr3t!x@api.example.org',
          'curl https://deploy:{{ token }}@registry.internal/v2/ http://host.acme.io:8080@proxy',
          'commit 3f9c2e1a7b4d8e6f0a1c2b3d4e5f6a7b8c9d0e1f request 9b2f4c1e-7d3a-4e8b-9c6f-2a1b3c4d5e6f',
          'sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
          'account_id = 1234-5678-9012',
          '-----BEGIN RSA PRIVATE KEY-----',
          '...',
          '-----END RSA PRIVATE KEY-----',
          '```',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('honours secretlint-disable comments and the allow option', async () => {
    const secret = SECRETS['GitHub personal access token']!;
    expect(await run(`# Outage\n\n<!-- secretlint-disable-next-line -->\nToken ${secret} was revoked.\n`)).toEqual([]);
    expect(await run(`# Outage\n\nToken ${secret} was revoked.\n`, { allow: [secret.slice(0, 12)] })).toEqual([]);
    expect(await run(`# Outage\n\nToken ${secret} was revoked.\n`, { allow: ['/^ghp_/'] })).toEqual([]);
    expect(await run(`# Outage\n\nredis://:${'Hx9!kq2Lw'}@cache-01 was rotated.\n`, { allow: ['/cache-01/'] })).toEqual([]);
  });

  it("finds what secretlint's own lintSource finds, no more and no less", async () => {
    const docs = [
      Object.values(SECRETS)
        .map((s, i) => `line ${i}: ${s}`)
        .join('\n'),
      `aws_secret_access_key=${token(40, 20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+')}\naccount_id = 1234-5678-9012\n`,
      `${rsa}\nmongodb+srv://app:${'Zq7tR2mx'}@cluster0.mongodb.net/db\nhttps://u1:${'pw7x9Zq'}@host.acme.io/\n`,
      `<!-- secretlint-disable -->\n${SECRETS['npm access token']}\n<!-- secretlint-enable -->\n${SECRETS['npm access token']}\n`,
      `https://hooks.slack.com/services/T${token(8, 21, UPPER)}/B${token(8, 22, UPPER)}/${token(24, 23)}\n_authToken=${token(36, 24)}\n`,
    ];
    const config = {
      rules: [{ id: preset.meta.id, rule: preset, rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }] }],
    };
    for (const content of docs) {
      const reference = await lintSource({
        source: { content, filePath: '/x/example.md', ext: '.md', contentType: 'text' },
        options: { config, noPhysicFilePath: true },
      });
      const expected = reference.messages
        .filter((m) => m.messageId !== 'AWSAccountID')
        .map((m) => `${m.ruleId} ${m.messageId} ${m.range[0]}`)
        .sort();
      const actual = scanWithPreset(content)
        .map((h) => `${h.ruleId} ${h.messageId} ${h.range[0]}`)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    }
  });

  it('adds URL passwords only where the preset found nothing', () => {
    const content = `postgres://app:${'Zq7tR2mx'}@db:5432/x redis://:${'Zq7tR2mx'}@cache`;
    const known = scanWithPreset(content);
    expect(known.map((h) => h.ruleId)).toEqual(['@secretlint/secretlint-rule-database-connection-string']);
    expect(scanUrlPasswords(content, [], known).map((h) => h.value)).toEqual([`redis://:${'Zq7tR2mx'}@cache`]);
  });

  const CORPUS = fileURLToPath(new URL('../../../shared/corpus/public/', import.meta.url));
  it.skipIf(!existsSync(CORPUS))("runs few of the preset's rules on a real postmortem: only those whose keywords stand in it", () => {
    const texts = readdirSync(CORPUS)
      .filter((n) => n.endsWith('.md'))
      .map((n) => readFileSync(CORPUS + n, 'utf8'));
    // Work counted, not timed: the rules that pass the keyword gate are the ones that scan.
    const ids = Object.keys(PRESET_GATES);
    const ran = texts.reduce((n, text) => {
      const worth = rulesWorthRunning(text);
      return n + ids.filter((id) => worth(id)).length;
    }, 0);
    const perFile = ran / texts.length;
    console.log(`no-secrets: ${perFile.toFixed(2)} of the preset's ${ids.length} rules run per file, ${texts.length} files`);
    expect(ids.length).toBeGreaterThan(20);
    expect(perFile).toBeLessThan(ids.length / 5);
  });
});
