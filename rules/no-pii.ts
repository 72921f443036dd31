// Personal data in a postmortem: e-mail addresses and phone numbers, anywhere in the
// file (prose, code blocks, logs, link targets, frontmatter). Addresses that belong to
// nobody (documentation domains, role and service accounts) and digit runs that are
// something else (dates, times, versions, IP addresses, ids) are not reported.
import { defineAnchors, mask, PERSONAL_DATA as W, phraseAlternation, sourceAnchors } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

const messages = W.PII_MESSAGES;

export interface PiiHit {
  kind: 'email' | 'phone';
  value: string;
  start: number;
  end: number;
}

// Local part, "@", a domain of letter/digit labels ending in a letters-only TLD. Not
// preceded by ":" (the password of user:password@host) or "/" (a path), except "mailto:".
const EMAIL =
  /(?:(?<=mailto:)|(?<![\w.+%/:-]))([A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?)@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24})(?![\w-]|\.[A-Za-z0-9])/g;

const ROLE_LOCAL_PARTS = new Set(W.ROLE_LOCAL_PARTS);
// Domains reserved for documentation and tests, and names that never leave a network.
// GitHub's users.noreply.github.com addresses stand for an account, like an @handle.
const PLACEHOLDER_DOMAIN =
  /(?:^|\.)(?:example\.(?:com|org|net|edu)|example|test|invalid|localhost|local|localdomain|internal|lan|home\.arpa)$|^(?:[\w-]+\.)*no-?reply\.[\w.-]+$/i;
// Made-up domains of code samples: "a@b.com", "foo@bar.com", "user@domain.com".
const FAKE_DOMAIN = /^(?:[a-z]|foo|bar|foobar|baz|domain|yourdomain|mydomain|company|yourcompany|mycompany|test|sample|email)\.(?:com|org|net|io)$/i;
// "logo@2x.png", "file@v2.json": a file name, not an address.
const FILE_TLDS = new Set(W.FILE_EXTENSIONS);

// Phone numbers in formats that are not much else: "+" and a country code; "(555) 123-4567";
// 555-123-4567 or 555.123.4567 (one separator throughout).
const PHONE_STRONG =
  /(?<![\w.+/-])(?:\+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{1,5}){1,6}|\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}|\d{3}([.-])\d{3}\1\d{4})(?![\w-]|[.:]\d)/g;
// Other groupings ("020 7946 0000", "0171-234 5678") count only right after a word that
// says a phone number follows.
const PHONE_WEAK = /(?<![\w.+/:-])(?:\(0\)[ -]?)?\d{2,5}(?:[ -]\d{2,6}){1,4}(?![\w-]|[.:]\d)/g;
const CUES = phraseAlternation(W.PHONE_CUES);
const PHONE_CUE = new RegExp(String.raw`\b${CUES}\b[^\n\d]{0,24}$`, 'i');
// What each kind of finding holds, found in the shared pre-scan of the source: a search
// runs only in a document that holds its anchor. (The cues without word boundaries: the
// cue test reads a slice, whose start may cut a word.)
const EMAIL_ANCHOR = defineAnchors('no-pii e-mail', 'source', /@/, { presence: true });
const PHONE_ANCHOR = defineAnchors('no-pii phone', 'source', /\+\d|\(\d{3}\)|\d{3}[.-]\d{3}/, { presence: true });
const CUE_ANCHOR = defineAnchors('no-pii phone cue', 'source', new RegExp(CUES, 'i'), { presence: true });
const DATE_LIKE =
  /\b(?:19|20)\d{2}[-/. ](?:0?[1-9]|1[0-2])[-/. ](?:0?[1-9]|[12]\d|3[01])\b|\b(?:0?[1-9]|[12]\d|3[01])[-/. ](?:0?[1-9]|1[0-2])[-/. ](?:19|20)\d{2}\b/;

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function allowedDomain(domain: string, allow: readonly string[]): boolean {
  const d = domain.toLowerCase();
  return allow.some((a) => {
    const x = a.toLowerCase().replace(/^@/, '');
    return d === x || d.endsWith(`.${x}`);
  });
}

/**
 * Whether the "address" at `at` is the end of a URL's user information ("redis://:p!ss@host",
 * "https://user:pa$$@host"): the same word holds "://" before it. (Looked for within 200
 * characters back: a word longer than that is no URL a person pastes.)
 */
function inUrlUserInfo(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 200; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 34 || c === 39 || c === 60 || c === 40 || c === 91) return false;
    if (c === 47 && text.charCodeAt(i - 1) === 47 && text.charCodeAt(i - 2) === 58) return true;
  }
  return false;
}

export function findEmails(text: string, allowDomains: readonly string[] = []): PiiHit[] {
  if (!text.includes('@')) return [];
  const hits: PiiHit[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const local = m[1]!;
    const domain = m[2]!;
    const tld = domain.slice(domain.lastIndexOf('.') + 1).toLowerCase();
    if (FILE_TLDS.has(tld) || PLACEHOLDER_DOMAIN.test(domain) || FAKE_DOMAIN.test(domain)) continue;
    if (ROLE_LOCAL_PARTS.has(local.toLowerCase().replace(/\+.*$/, ''))) continue;
    if (allowedDomain(domain, allowDomains)) continue;
    if (inUrlUserInfo(text, m.index)) continue;
    hits.push({ kind: 'email', value: m[0], start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

function plausiblePhone(value: string): boolean {
  const digits = digitCount(value);
  if (digits < 9 || digits > 15) return false;
  if (DATE_LIKE.test(value)) return false;
  // An IP address or a version, not a number to call.
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(value)) return false;
  return true;
}

/** Phone numbers in the text; `search` leaves out the formats whose anchors a pre-scan did not find. */
export function findPhones(text: string, search: { shapes: boolean; cued: boolean } = { shapes: true, cued: true }): PiiHit[] {
  const hits: PiiHit[] = [];
  const taken: [number, number][] = [];
  for (const m of search.shapes ? text.matchAll(PHONE_STRONG) : []) {
    const value = m[0].replace(/[ .-]+$/, '');
    if (!plausiblePhone(value)) continue;
    // "+" numbers without any separator must be E.164-long ("+14155550123").
    if (value.startsWith('+') && !/[ .()-]/.test(value) && digitCount(value) < 10) continue;
    hits.push({ kind: 'phone', value, start: m.index, end: m.index + value.length });
    taken.push([m.index, m.index + value.length]);
  }
  for (const m of search.cued ? text.matchAll(PHONE_WEAK) : []) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some(([s, e]) => s < end && start < e)) continue;
    if (!plausiblePhone(m[0])) continue;
    const before = text.slice(Math.max(0, start - 40), start);
    if (!PHONE_CUE.test(before)) continue;
    hits.push({ kind: 'phone', value: m[0], start, end });
  }
  return hits.sort((a, b) => a.start - b.start);
}

export function maskedPii(hit: PiiHit): string {
  if (hit.kind === 'email') {
    const at = hit.value.lastIndexOf('@');
    return `${mask(hit.value.slice(0, at))}@${hit.value.slice(at + 1)}`;
  }
  return mask(hit.value);
}

export default defineRule<{ allowDomains: string[] }, typeof messages>({
  id: 'no-pii',
  description: 'Personal data: e-mail addresses and phone numbers, in prose and code',
  severity: 'warn',
  schema: {
    type: 'object',
    properties: {
      allowDomains: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'E-mail domains whose addresses may appear (a team\'s own shared domain): "acme.com" also allows its subdomains.',
      },
    },
    additionalProperties: false,
  },
  defaults: { allowDomains: [] },
  messages,
  docs: {
    rationale:
      'Postmortems are published and kept long after the people in them have moved on, so they should not carry anyone\'s e-mail address or phone number: name the role ("the on-call engineer"), the team, or an @handle instead. Pasted logs and commands count as much as prose. Addresses nobody owns are not reported: documentation domains (example.com, .test, .invalid, localhost, .internal), made-up ones of code samples (a@b.com, foo@bar.com), role and service accounts (support@, noreply@, git@, root@) and domains given in `allowDomains`. A phone number needs at least nine digits in a phone-like grouping ("+44 20 7946 0000", "(555) 123-4567", "555-123-4567"; other groupings only after "call", "phone", "mobile"…), so dates, times, versions, IP addresses, ports, ticket numbers and long ids are not taken for one. The finding shows at most the first four characters.',
    invalid: [
      {
        title: "an engineer's address in prose, a mobile number in a log",
        markdown: md`
          ## Timeline

          - 09:12 UTC The vendor escalated to ana.lopez@cardhaven.io.

          \`\`\`
          09:15 pager: calling +44 20 7946 0000 (primary on-call)
          \`\`\`
        `,
        expected: `
          3:37-3:59 email
          6:22-6:38 phone
        `,
      },
    ],
    valid: [
      {
        title: 'handles, placeholder and role addresses, numbers that are not phones',
        markdown: md`
          ## Timeline

          - 2024-05-21 09:12 UTC @ana paged the team; vendor support (support@cardhaven.io) answered in 14 minutes.
          - Build 4.18.2 on 10.20.30.40:8443 failed, ticket OPS-2024-0512; request 9b2f4c1e-7d3a-4e8b-9c6f-2a1b3c4d5e6f.
          - Template contact: jane.doe@example.com; \`git clone git@github.com:acme/api.git\`.
          - 1234567890 bytes were lost over 2 hours 30 minutes.
        `,
      },
      {
        title: 'a domain the team allows',
        options: { allowDomains: ['acme.com'] },
        markdown: md`
          ## Summary

          Questions to incident-review@eng.acme.com or priya@acme.com.
        `,
      },
    ],
  },
  check(context) {
    const { source, options, report } = context;
    const anchors = sourceAnchors(context);
    const emails = anchors.has(EMAIL_ANCHOR) ? findEmails(source, options.allowDomains) : [];
    const hits = [...emails, ...findPhones(source, { shapes: anchors.has(PHONE_ANCHOR), cued: anchors.has(CUE_ANCHOR) })].sort((a, b) => a.start - b.start);
    for (const hit of hits) report({ messageId: hit.kind, data: { value: maskedPii(hit) }, start: hit.start, end: hit.end });
  },
});
