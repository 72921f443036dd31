// Credentials behind Markdown escapes and character references, and the masking of
// everything that leaves Hindsight. Tokens are built at run time (see no-secrets.test.ts).
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMarkdownText } from '../../src/lint/secrets/decode.ts';
import { findSecrets } from '../../src/lint/secrets/find.ts';
import { indexEntry } from '../../src/lint/archive/index.ts';
import { redactSecrets } from '../../src/lint/secrets/redact.ts';
import { lintText } from '../helpers/lint-text.ts';

const GITHUB = ['gh', 'p_', 'Qm7Lx2Vr9Tk4Wb8Nz3Hc6Yf1Jd5Gs0Pa2Re7'].join('');
const STRIPE = ['sk', '_live_', '9fKq2Lx7Rt4Vb8Nw3Zp6Yc1H'].join('');
const AWS_ID = ['AK', 'IA', 'QH4XW7ZN2LRT5BVJ'].join('');
const escapeUnderscores = (s: string): string => s.replaceAll('_', '\\_');

const run = async (markdown: string) =>
  (await lintText(markdown, { only: { 'no-secrets': {}, 'frontmatter-schema': {} } })).filter(
    (f) => f.ruleId === 'no-secrets' || f.ruleId === 'frontmatter-schema',
  );

describe('decodeMarkdownText', () => {
  it('reads escapes and character references as the Markdown parser does', () => {
    // Paragraph text without code, links or emphasis: what the page shows is the parser's text.
    // (No lone backslash: before an escape it would escape the backslash and leave a bare "*".)
    const piece = fc.constantFrom(
      'a',
      'Z',
      '7',
      ' ',
      '\\_',
      '\\\\',
      '\\a',
      '\\*',
      '&amp;',
      '&#x47;',
      '&#71;',
      '&lowbar;',
      '&nosuch;',
      '&#0;',
      '&#x110000;',
      '&',
      '&#',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const source = `x${pieces.join('')}x`;
        const shown = toString(fromMarkdown(source));
        expect(decodeMarkdownText(source)?.text ?? source).toBe(shown);
      }),
      { numRuns: 500 },
    );
    // A backslash before a letter or at the end of the text is kept, as the parser keeps it.
    for (const source of ['x\\ax', 'x&\\', 'x\\']) expect(decodeMarkdownText(source)?.text ?? source).toBe(toString(fromMarkdown(source)));
  });

  it('maps every decoded character back to where it is written', () => {
    const source = 'ab\\_cd&#x47;ef&lowbar;g';
    const decoded = decodeMarkdownText(source)!;
    expect(decoded.text).toBe('ab_cdGef_g');
    expect([...decoded.text].map((_, i) => source.slice(decoded.toSource(i), decoded.toSourceEnd(i + 1)))).toEqual([
      'a',
      'b',
      '\\_',
      'c',
      'd',
      '&#x47;',
      'e',
      'f',
      '&lowbar;',
      'g',
    ]);
    expect(decoded.touchesEdit(0, 2)).toBe(false);
    expect(decoded.touchesEdit(1, 3)).toBe(true);
  });

  it('leaves a text with nothing escaped alone', () => {
    expect(decodeMarkdownText('plain text & more, a\\b')).toBeNull();
  });
});

describe('no-secrets on escaped and encoded credentials', () => {
  it('finds a token whose underscores are escaped, with the range of what is written', async () => {
    const written = escapeUnderscores(GITHUB);
    const findings = await run(`# Outage\n\nThe bot logged ${written} at 10:02.\n`);
    expect(findings).toMatchObject([{ line: 3, column: 16, endColumn: 16 + written.length }]);
    expect(findings[0]!.message).toContain('GitHub personal access token "ghp_…"');
  });

  it('finds a key written with numeric or named character references', async () => {
    const numeric = AWS_ID.replace('Q', '&#x51;');
    const named = STRIPE.replaceAll('_', '&lowbar;');
    const findings = await run(`# Outage\n\nid ${numeric}\n\nkey ${named}\n`);
    expect(findings.map((f) => [f.line, f.message.split(' must ')[0]])).toEqual([
      [3, 'AWS Access Key ID "AKIA…"'],
      [5, 'Stripe secret key "sk_l…"'],
    ]);
  });

  it('reports a credential written twice, once plain and once escaped, twice, and a plain one once', async () => {
    const findings = await run(`# Outage\n\n${GITHUB}\n\n${escapeUnderscores(GITHUB)}\n`);
    expect(findings.map((f) => f.line)).toEqual([3, 5]);
  });

  it('stays silent on escaped text that holds no credential', async () => {
    expect(await run('# Outage\n\nThe job\\_runner set `max\\_conns` to 10 &amp; restarted; see &#x2192; runbook.\n')).toEqual([]);
  });

  it('masks a credential that another rule quotes', async () => {
    const findings = await run(`---\nseverity: ${GITHUB}\n---\n# Outage\n`);
    const quoted = findings.find((f) => f.ruleId === 'frontmatter-schema')!;
    expect(quoted.message).toContain('"ghp_…"');
    expect(JSON.stringify(findings)).not.toContain(GITHUB.slice(0, 8));
  });
});

describe('redactSecrets', () => {
  it('masks plain, escaped and encoded credentials and keeps the rest byte for byte', () => {
    const text = `a ${GITHUB} b ${escapeUnderscores(STRIPE)} c ${AWS_ID.replace('Q', '&#81;')} d`;
    expect(redactSecrets(text)).toBe('a ghp_… b sk_l… c AKIA… d');
  });

  it('keeps the line breaks a masked private key spanned', () => {
    const body = Array.from({ length: 6 }, (_, i) => 'MIIEpAIBAAKCAQEA7x'.repeat(3) + String(i)).join('\n');
    const pem = ['-----BEGIN RSA ', 'PRIVATE KEY-----\n', body, '\n-----END RSA PRIVATE KEY-----'].join('');
    const text = `# Outage\n\n${pem}\n\nafter\n`;
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain('MIIEpAIBAAKCAQEA7x');
    expect(redacted.split('\n').length).toBe(text.split('\n').length);
    expect(redacted.split('\n').at(-2)).toBe('after');
  });

  it('returns the text itself when it holds no credential', () => {
    const text = '# Outage\n\nNothing to hide\\_here.\n';
    expect(redactSecrets(text)).toBe(text);
    expect(findSecrets(text)).toEqual([]);
  });
});

describe('the archive index', () => {
  it('keeps titles and root causes with their credentials masked', () => {
    const source = `---\ntitle: Deploy bot leaked ${escapeUnderscores(GITHUB)}\n---\n# Outage\n\n## Root Cause\n\nThe runner printed ${STRIPE} into the build log.\n`;
    const entry = indexEntry('/archive/2026-01-02-leak.md', source, 'root-cause');
    expect(entry.title).toBe('Deploy bot leaked ghp_…');
    expect(entry.rootCause?.text).toContain('printed sk_l… into');
    expect(JSON.stringify(entry)).not.toMatch(/Qm7Lx2Vr|9fKq2Lx7/);
  });
});
