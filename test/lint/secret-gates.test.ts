// no-secrets runs a rule of secretlint's preset only where one of its keywords stands
// (src/lint/secrets/gates.ts). The gated scan must find exactly what the full preset finds:
// on a labelled set of fake credentials of every kind the preset knows, on generated text
// full of near misses, and on every postmortem of the corpora. Every fake credential is built
// at run time from pieces, so that secret scanners reading this repository flag none.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintSource } from '@secretlint/core';
import { creator as preset, rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate.ts';
import { decodeMarkdownText } from '../../src/lint/secrets/decode.ts';
import { keywordGate, PRESET_GATES, rulesWorthRunning } from '../../src/lint/secrets/gates.ts';
import { scanWithPreset, URL_PATTERNS } from '../../src/lint/secrets/scan.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let seed = 1;
/** `n` random-looking characters of `alphabet`, different at every call. */
function chars(n: number, alphabet = ALNUM): string {
  const random = prng(seed++);
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}
const join = (...parts: string[]): string => parts.join('');

const pem = (type: 'pkcs1' | 'pkcs8', kind: 'rsa' | 'ec'): string => {
  const { privateKey } = kind === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 1024 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ type, format: 'pem' }).toString();
};
const onePasswordBody = (): string => {
  // A JSON object whose base64 starts "ey" and ends "fQ==": its length is 1 more than a multiple of 3.
  let json = `{"signInAddress":"my.example.invalid","userAuth":{"method":"SRPg-4096","alg":"PBES2g-HS256"},"email":"${chars(12, 'abcdefghijklmnopqrstuvwxyz')}@example.invalid","note":"`;
  while ((json.length + 2) % 3 !== 1) json += 'x';
  return Buffer.from(`${json}"}`).toString('base64');
};

/** One fake credential of every kind the preset reports, each labelled with the rule and message that must find it. */
function labelledSecrets(): { rule: string; messageId: string; text: string }[] {
  const aws = '@secretlint/secretlint-rule-aws';
  return [
    { rule: aws, messageId: 'AWSAccessKeyID', text: join('AK', 'IA', chars(16, UPPER)) },
    { rule: aws, messageId: 'AWSAccessKeyID', text: join('AS', 'IA', chars(16, UPPER)) },
    { rule: aws, messageId: 'AWSSecretAccessKey', text: `aws_secret_access_key = "${chars(40, `${ALNUM}/+`)}"` },
    { rule: aws, messageId: 'AWSSecretAccessKey', text: `Secret_Access_Key: ${chars(40, ALNUM)}` },
    { rule: '@secretlint/secretlint-rule-privatekey', messageId: 'PrivateKey', text: pem('pkcs1', 'rsa') },
    { rule: '@secretlint/secretlint-rule-privatekey', messageId: 'PrivateKey', text: pem('pkcs8', 'rsa') },
    {
      rule: '@secretlint/secretlint-rule-privatekey',
      messageId: 'PrivateKey',
      text: join(
        '-----BEGIN OPENSSH ',
        'PRIVATE KEY-----\n',
        'b3BlbnNzaC1rZXktdjE',
        chars(50, `${ALNUM}+/`),
        '\n',
        chars(70, `${ALNUM}+/`),
        '\n-----END OPENSSH PRIVATE KEY-----',
      ),
    },
    { rule: '@secretlint/secretlint-rule-privatekey', messageId: 'PrivateKey', text: pem('pkcs8', 'ec') },
    { rule: '@secretlint/secretlint-rule-npm', messageId: 'NPM_ACCESS_TOKEN', text: join('np', 'm_', chars(36)) },
    { rule: '@secretlint/secretlint-rule-basicauth', messageId: 'BasicAuth', text: join('https://deployer:', chars(10), '@registry.acme-corp.io/v2') },
    { rule: '@secretlint/secretlint-rule-basicauth', messageId: 'BasicAuth', text: join('ftp://backup_user:', chars(12), '@files.acme-corp.net/') },
    { rule: '@secretlint/secretlint-rule-slack', messageId: 'SLACK_TOKEN', text: join('xo', 'xb-', chars(11, DIGITS), '-', chars(24)) },
    {
      rule: '@secretlint/secretlint-rule-slack',
      messageId: 'SLACK_TOKEN',
      text: join('xa', 'pp-1-', chars(11, UPPER), '-', chars(13, DIGITS), '-', chars(30, HEX)),
    },
    {
      rule: '@secretlint/secretlint-rule-slack',
      messageId: 'IncomingWebhook',
      text: join('https://hooks.slack.com/services/T', chars(8, UPPER), '/B', chars(8, UPPER), '/', chars(24)),
    },
    // The webhook pattern ignores case: so must its gate.
    {
      rule: '@secretlint/secretlint-rule-slack',
      messageId: 'IncomingWebhook',
      text: join('HTTPS://HOOKS.SLACK.COM/SERVICES/T', chars(8, UPPER), '/B', chars(8, UPPER), '/', chars(24)),
    },
    { rule: '@secretlint/secretlint-rule-sendgrid', messageId: 'SENDGRID_KEY', text: join('S', 'G.', chars(22), '.', chars(43)) },
    { rule: '@secretlint/secretlint-rule-shopify', messageId: 'SHOPIFY_KEY', text: join('shp', 'at_', chars(32, HEX)) },
    { rule: '@secretlint/secretlint-rule-shopify', messageId: 'SHOPIFY_KEY', text: join('shp', 'ss_', chars(32, HEX)) },
    ...['ghp', 'gho', 'ghu', 'ghs', 'ghr'].map((p) => ({
      rule: '@secretlint/secretlint-rule-github',
      messageId: 'GITHUB_TOKEN',
      text: join(p, '_', chars(36)),
    })),
    { rule: '@secretlint/secretlint-rule-github', messageId: 'GITHUB_TOKEN', text: join('github', '_pat_', chars(82)) },
    { rule: '@secretlint/secretlint-rule-gitlab', messageId: 'GITLAB_PERSONAL_ACCESS_TOKEN', text: join('gl', 'pat-', chars(20)) },
    { rule: '@secretlint/secretlint-rule-grafana', messageId: 'GRAFANA_CLOUD_API_TOKEN', text: join('gl', 'c_', chars(40, `${ALNUM}+/`), '=') },
    { rule: '@secretlint/secretlint-rule-grafana', messageId: 'GRAFANA_SERVICE_ACCOUNT_TOKEN', text: join('gl', 'sa_', chars(32), '_', chars(8, HEX)) },
    { rule: '@secretlint/secretlint-rule-openai', messageId: 'OPENAI_TOKEN', text: join('sk-', chars(20), 'T3Blbk', 'FJ', chars(20)) },
    { rule: '@secretlint/secretlint-rule-openai', messageId: 'OPENAI_TOKEN', text: join('sk-', 'proj-', chars(74), 'T3Blbk', 'FJ', chars(74)) },
    { rule: '@secretlint/secretlint-rule-anthropic', messageId: 'ANTHROPIC_API_KEY', text: join('sk-', 'ant-api03-', chars(93), 'AA') },
    { rule: '@secretlint/secretlint-rule-groq', messageId: 'GROQ_API_KEY', text: join('gs', 'k_', chars(52)) },
    { rule: '@secretlint/secretlint-rule-huggingface', messageId: 'HUGGINGFACE_USER_ACCESS_TOKEN', text: join('h', 'f_', chars(34, LETTERS)) },
    { rule: '@secretlint/secretlint-rule-linear', messageId: 'LINEAR_API_TOKEN', text: join('lin', '_api_', chars(40)) },
    { rule: '@secretlint/secretlint-rule-notion', messageId: 'NOTION_INTEGRATION_TOKEN', text: join('nt', 'n_', chars(11, DIGITS), chars(35)) },
    { rule: '@secretlint/secretlint-rule-1password', messageId: 'OPS_TOKEN', text: join('op', 's_', onePasswordBody()) },
    {
      rule: '@secretlint/secretlint-rule-database-connection-string',
      messageId: 'MongoDBConnection',
      text: join('mongodb+srv://app:', chars(12), '@cluster0.acme-db.net/orders'),
    },
    {
      rule: '@secretlint/secretlint-rule-database-connection-string',
      messageId: 'MySQLConnection',
      text: join('jdbc:MySQL://report:', chars(12), '@db-3.acme.internal:3306/sales'),
    },
    {
      rule: '@secretlint/secretlint-rule-database-connection-string',
      messageId: 'PostgreSQLConnection',
      text: join('POSTGRESQL://app:', chars(12), '@db-primary:5432/orders'),
    },
    { rule: '@secretlint/secretlint-rule-hashicorp-vault', messageId: 'HASHICORP_VAULT_SERVICE_TOKEN', text: join('hv', 's.', chars(95)) },
    { rule: '@secretlint/secretlint-rule-hashicorp-vault', messageId: 'HASHICORP_VAULT_BATCH_TOKEN', text: join('hv', 'b.', chars(140)) },
    { rule: '@secretlint/secretlint-rule-hashicorp-vault', messageId: 'HASHICORP_VAULT_RECOVERY_TOKEN', text: join('hv', 'r.', chars(95)) },
    ...Object.entries({
      vcp: 'PERSONAL_ACCESS_TOKEN',
      vci: 'INTEGRATION_TOKEN',
      vca: 'APP_ACCESS_TOKEN',
      vcr: 'APP_REFRESH_TOKEN',
      vck: 'AI_GATEWAY_API_KEY',
    }).map(([p, id]) => ({ rule: '@secretlint/secretlint-rule-vercel', messageId: `VERCEL_${id}`, text: join(p, '_', chars(24)) })),
    { rule: '@secretlint/secretlint-rule-databricks', messageId: 'DATABRICKS_PERSONAL_ACCESS_TOKEN', text: join('da', 'pi', chars(32, HEX)) },
    { rule: '@secretlint/secretlint-rule-docker', messageId: 'DOCKER_PERSONAL_ACCESS_TOKEN', text: join('dckr', '_pat_', chars(27)) },
    { rule: '@secretlint/secretlint-rule-figma', messageId: 'FIGMA_PERSONAL_ACCESS_TOKEN', text: join('fi', 'gd_', chars(44)) },
  ];
}

const config = {
  rules: [{ id: preset.meta.id, rule: preset, rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }] }],
};
/** What secretlint's own lintSource finds with the whole preset (account ids dropped, as no-secrets drops them). */
async function fullPreset(content: string, filePath: string): Promise<string[]> {
  const result = await lintSource({ source: { content, filePath, ext: '.md', contentType: 'text' }, options: { config, noPhysicFilePath: true } });
  return result.messages
    .filter((m) => m.messageId !== 'AWSAccountID')
    .map((m) => `${m.ruleId} ${m.messageId} ${m.range[0]}-${m.range[1]}`)
    .sort();
}
const gated = (content: string, filePath?: string): string[] =>
  scanWithPreset(content, [], filePath)
    .map((h) => `${h.ruleId} ${h.messageId} ${h.range[0]}-${h.range[1]}`)
    .sort();

/** Both scans, as written and as a Markdown renderer decodes it, must agree. */
async function expectSameAsPreset(content: string, filePath = '/x/postmortem.md'): Promise<number> {
  let found = 0;
  for (const text of [content, decodeMarkdownText(content)?.text].filter((t) => t !== undefined)) {
    const expected = await fullPreset(text, filePath);
    expect(gated(text, filePath), filePath).toEqual(expected);
    // With or without a file path (the npm rule reads package files only), gated and ungated alike.
    expect(scanWithPreset(text, [], undefined)).toEqual(scanWithPreset(text, [], undefined, true));
    found += expected.length;
  }
  return found;
}

describe("the keyword gates of the preset's rules", () => {
  it('cover every rule of the preset, with keywords taken from its own patterns', () => {
    const ids = (presetRules as unknown as { meta: { id: string } }[]).map((r) => r.meta.id);
    expect(Object.keys(PRESET_GATES).sort()).toEqual([...ids].sort());
    const require = createRequire(import.meta.url);
    const sourceFile = require.resolve('@secretlint/secretlint-rule-preset-recommend').replace(/index\.js$/, 'index.js');
    // The patterns' text without escapes and groups ("ops_(ey[" reads "ops_ey["); a keyword's
    // closing punctuation may follow an alternation ("(?:xoxb|xoxp)-" holds "xoxb-").
    const source = readFileSync(sourceFile, 'utf8').replace(/[\\()]/g, '');
    const core = (word: string): string => word.replace(/[^A-Za-z0-9]+$/, '') || word;
    for (const [ruleId, gate] of Object.entries(PRESET_GATES)) {
      for (const word of gate.keywords) expect(source, `${ruleId}: ${word}`).toContain(core(word));
      for (const word of gate.caseless ?? []) expect(source.toLowerCase(), `${ruleId}: ${word}`).toContain(core(word).toLowerCase());
    }
  });

  it('open nothing on a text without keywords, and a rule wherever one of its keywords stands, overlapping others or not', () => {
    const ids = Object.keys(PRESET_GATES);
    const open = (text: string) => ids.filter(rulesWorthRunning(text)).map((id) => id.replace('@secretlint/secretlint-rule-', ''));
    expect(open('# Outage\n\nThe cache was flushed at 10:02 and errors stopped.\n')).toEqual([]);
    expect(open('see <!-- secretlint-disable --> here')).toEqual(['aws', 'filter-comments']); // "secret" inside "secretlint-"
    expect(open('npm_authToken=')).toEqual(['npm']);
    expect(open('Postgres is down')).toEqual(['database-connection-string']);
    expect(open('HTTPS://HOOKS.SLACK.COM/SERVICES/')).toEqual(['basicauth', 'slack']);
  });

  it('find exactly what the full preset finds in a labelled set of fake credentials of every kind', async () => {
    const secrets = labelledSecrets();
    // Every message the preset can give a Markdown file is in the set (the others read package files, .npmrc, .p12, .json).
    const labelled = new Set(secrets.map((s) => `${s.rule} ${s.messageId}`));
    for (const { rule, messageId, text } of secrets) {
      for (const content of [`${text}\n`, `# Outage\n\nThe log showed \`${text}\` until 10:04.\n`, `\`\`\`sh\nexport TOKEN="${text}"\n\`\`\`\n`]) {
        const expected = await fullPreset(content, '/x/postmortem.md');
        expect(
          expected.some((e) => e.startsWith(`${rule} ${messageId} `)),
          `${messageId} in ${content}`,
        ).toBe(true);
        await expectSameAsPreset(content);
      }
    }
    expect(labelled.size).toBeGreaterThanOrEqual(30);
    // All of them in one document, and behind secretlint-disable comments.
    const all = secrets.map((s, i) => `${i}. ${s.text}`).join('\n');
    expect(await expectSameAsPreset(all)).toBeGreaterThanOrEqual(secrets.length);
    await expectSameAsPreset(`<!-- secretlint-disable -->\n${all}\n<!-- secretlint-enable -->\n${secrets[8]!.text}\n`);
    // The npm rule's package-file detectors, where no file path says it is a postmortem.
    const oauth = join('https://', chars(40, HEX), ':x-oauth-basic@github.com/acme/app.git');
    expect(scanWithPreset(oauth, [], undefined).map((h) => h.messageId)).toContain('PackageJSON_xOauthToken');
    expect(scanWithPreset(oauth, [], undefined)).toEqual(scanWithPreset(oauth, [], undefined, true));
  });

  it('find exactly what the full preset finds in generated text full of near misses', async () => {
    const secrets = labelledSecrets().map((s) => s.text);
    const random = prng(15);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    // Keywords alone, cut short, in other cases, run into words, escaped as an exporter writes them.
    const fragments = [
      ...Object.values(PRESET_GATES).flatMap((g) => [...g.keywords, ...(g.caseless ?? [])]),
      'secret access key',
      'SECRET_ACCESS_KEY=',
      'aws_access_key_id',
      'AKIA',
      'https://',
      'postgres://',
      'MongoDB://',
      'mysql://',
      '-----BEGIN RSA PRIVATE KEY-----',
      '-----END RSA PRIVATE KEY-----',
      '\\_',
      '&#x41;',
      '&amp;',
      ':',
      '@',
      '/',
      '=',
      '-',
      '_',
      '.',
      ' ',
      '\n',
      '`',
      '"',
      "'",
      'user:pw@host.io',
      'xoxb',
      'ghp',
      'hooks.slack.com/services/T',
      'account_id = ',
      '1234-5678-9012',
    ];
    let found = 0;
    for (let doc = 0; doc < 150; doc++) {
      let text = '# Outage\n\n';
      const parts = 20 + Math.floor(random() * 60);
      for (let i = 0; i < parts; i++) {
        const r = random();
        if (r < 0.45) text += pick(fragments);
        else if (r < 0.7) text += chars(1 + Math.floor(random() * 40), pick([ALNUM, UPPER, HEX, DIGITS, `${ALNUM}+/=_-.`]));
        else if (r < 0.8) {
          const secret = pick(secrets);
          text += random() < 0.5 ? secret : random() < 0.5 ? secret.toUpperCase() : secret.slice(0, Math.floor(secret.length * random()));
        } else text += pick([' the ', ' and ', '\n- ', '\n\n', ' | ']);
      }
      found += await expectSameAsPreset(text);
    }
    expect(found).toBeGreaterThan(100); // the check compared findings, not only silence
  });

  it('open exactly the ids one of whose keywords the text holds, as a search for each keyword would', () => {
    const gates = { a: { keywords: ['ab', 'abc_', 'c_'] }, b: { keywords: ['bc'], caseless: ['Xyz'] }, c: { keywords: ['_'] }, d: { keywords: [] } };
    const gate = keywordGate(gates);
    const random = prng(3);
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let n = Math.floor(random() * 12); n > 0; n--) text += 'abcXYZxyz_ '[Math.floor(random() * 11)];
      const open = gate(text);
      for (const [id, g] of Object.entries(gates)) {
        const expected = g.keywords.some((k) => text.includes(k)) || ('caseless' in g && g.caseless.some((k) => text.toLowerCase().includes(k.toLowerCase())));
        expect(open(id), `${id} in "${text}"`).toBe(expected);
      }
      expect(open('not-in-the-table')).toBe(true);
    }
  });

  it('look for passwords in URLs only where the part of the pattern after "://" stands', () => {
    // scanUrlPasswords skips a text without a match of the second pattern: every match of the first must hold one.
    const random = prng(4);
    // A URL's parts in order, each sometimes missing, doubled or replaced by a near miss.
    const slots = [
      ['', 'x ', '+', 'see:'],
      ['https', 'redis', 'A', 'git+ssh', ''],
      ['://', ':/', ':', ''],
      ['user', '', 'a b', 'u@', '[x', 'app_1', 'Dep.loy-2', 'ü', '%20'],
      [':', '::', ''],
      ['p4ss!w', 'Zq8', '', 'a/b', 'é', 'x:y', '%41~', '{{t}}', '*'],
      ['@', '', '@@'],
      ['host.io', '[::1]', '-x', '', 'db'],
    ];
    let full = 0;
    for (let i = 0; i < 5000; i++) {
      let text = '';
      // The first choice of each slot half the time: many texts are whole URLs.
      for (const slot of slots) text += slot[random() < 0.5 ? 0 : Math.floor(random() * slot.length)]!.repeat(random() < 0.1 ? 2 : 1);
      URL_PATTERNS.full.lastIndex = 0;
      if (URL_PATTERNS.full.test(text)) {
        full++;
        expect(URL_PATTERNS.userInfo.test(text), text).toBe(true);
      }
    }
    expect(full).toBeGreaterThan(50);
  });

  const corpusRoot = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
  const repository = fileURLToPath(new URL('../../', import.meta.url));
  const folders = [path.join(corpusRoot, 'public'), path.join(corpusRoot, 'varied'), path.join(repository, 'postmortems')].filter((f) => existsSync(f));
  it.each(folders)('find exactly what the full preset finds in every postmortem of %s', async (folder) => {
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) await expectSameAsPreset(readFileSync(path.join(folder, name), 'utf8'), path.join(folder, name));
  });
});
