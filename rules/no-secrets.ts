// Credentials in a postmortem (src/lint/secrets/: secretlint's recommended preset, passwords
// in URLs, tokens of other providers), as written or behind Markdown escapes and character
// references. The whole source is scanned: frontmatter, code blocks and logs included.
import { defineRule, md } from '../src/lint/rule.ts';
import { findSecrets, maskedValue } from '../src/lint/kit/index.ts';

const messages = {
  leaked: '{{kind}} "{{value}}" must not be in a postmortem: treat it as leaked (revoke or rotate it), then replace it with a placeholder such as <redacted>.',
} as const;

export default defineRule<{ allow: string[] }, typeof messages>({
  id: 'no-secrets',
  messages,
  description: 'Credentials (API keys, tokens, private keys, passwords in URLs) anywhere in the file, code blocks included',
  severity: 'error',
  schema: {
    type: 'object',
    properties: {
      allow: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description:
          'Values to accept although they look like credentials (documented example keys): a literal found anywhere in the value, or "/pattern/flags". Passed to secretlint as its `allows` option.',
      },
    },
    additionalProperties: false,
  },
  defaults: { allow: [] },
  docs: {
    rationale:
      "Postmortems are shared widely and kept for years, and the logs and commands pasted into them carry whatever was on the screen: a token in a curl command, a connection string with its password, a private key. Anything found here must be treated as leaked: rotate it, then replace it with a placeholder. Detection is secretlint's recommended preset (AWS, GCP, GitHub, GitLab, Slack, npm, OpenAI, Anthropic, private keys, database connection strings, basic auth…), tokens of the providers it does not cover (Stripe, Google API keys and OAuth, JSON Web Tokens, GitLab deploy and trigger tokens, Twilio, Azure storage keys, DigitalOcean, Mailgun, Square, PyPI, Telegram, Discord webhooks, short private keys) and passwords in URLs of any scheme, each as written or behind the Markdown escapes and character references a page would decode (`ghp\\_…`, `AKIA&#x47;…`); documented example keys are not reported; the whole file is read, code blocks and frontmatter included. A finding shows at most the first four characters of what it found. `secretlint-disable` comments are honoured, as are hindsight directives.",
    invalid: [
      {
        title: 'an AWS access key pair and a Redis password in pasted commands',
        // Written in pieces so that secret scanners do not flag Hindsight's own source.
        markdown: md`
          ## Resolution

          We rotated the key the script had logged:

          \`\`\`sh
          export AWS_ACCESS_KEY_ID=${'AKIA'}4HGXQ2TWLMNZRB7Q
          export AWS_SECRET_ACCESS_KEY="${'q8Zt3Jv0RmXc5Lp2Wn7Y'}b4Ks9Fh1Dg6Ea3Tu8Io0"
          redis-cli -u redis://cache:${'Qx7!vRt2'}@cache-01.internal:6379 FLUSHALL
          \`\`\`
        `,
        expected: `
          6:26-6:46 leaked
          7:31-7:71 leaked
          8:14-8:54 leaked
        `,
      },
      {
        title: 'a token whose underscores a document exporter escaped',
        markdown: md`
          ## Timeline

          - 10:02 the deploy bot ran with ${'sk\\_live\\_'}9fKq2Lx7Rt4Vb8Nw3Zp6Yc1H in its log
        `,
        expected: `
          3:33-3:67 leaked
        `,
      },
    ],
    valid: [
      {
        title: 'redacted values, AWS documentation examples, ids and hashes',
        markdown: md`
          ## Resolution

          \`\`\`sh
          export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
          export API_TOKEN=<redacted>
          psql postgres://app:****@db-primary:5432/orders
          curl https://deploy:\${DEPLOY_TOKEN}@registry.internal/v2/
          \`\`\`

          The bad build was \`3f9c2e1a7b4d8e6f0a1c2b3d4e5f6a7b8c9d0e1f\`; request id 9b2f4c1e-7d3a-4e8b-9c6f-2a1b3c4d5e6f.
        `,
      },
    ],
  },
  check({ source, options, report, model }) {
    for (const hit of findSecrets(source, options.allow, model.filePath)) {
      const kind = hit.kind.charAt(0).toUpperCase() + hit.kind.slice(1);
      report({ messageId: 'leaked', data: { kind, value: maskedValue(hit) }, start: hit.start, end: hit.end });
    }
  },
});
