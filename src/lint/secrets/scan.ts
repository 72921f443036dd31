// Finds credentials in a text: secretlint's recommended rules (the same detectors
// `secretlint` runs), passwords in URLs of schemes the preset does not read, and tokens of
// providers it does not know. Used by the no-secrets rule and by everything that publishes
// text (src/lint/secrets/redact.ts).
//
// secretlint's `lintSource` is async-only, while a Hindsight rule's `check` is
// synchronous. Every detector of the preset reports synchronously from its `file`
// handler, so this rule hosts the preset's own rule creators directly (the small part of
// @secretlint/core that builds their context: translator, report, ignore ranges from
// `secretlint-disable` comments). test/rules/no-secrets.test.ts checks that the findings
// equal `lintSource`'s on a set of samples.
import { rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import { allowMatcher, allowPattern, mask } from '../kit/text/mask.ts';
import { countAtMost, newlineStarts } from '../kit/text/positions.ts';
import { keywordGate, rulesWorthRunning } from './gates.ts';

type Range = readonly [number, number];

/** The parts of secretlint's rule API the preset's creators use. */
interface Translated {
  message: string;
  messageId: string;
  data: Record<string, unknown> | undefined;
}
type Localized = Record<string, ((props?: Record<string, unknown>) => string) | Record<string, (props?: Record<string, unknown>) => string>>;
interface HostContext {
  sharedOptions: Record<string, unknown>;
  createTranslator(messages: Localized): (messageId: string, props?: Record<string, unknown>) => Translated;
  report(descriptor: { message: Translated; range: Range }): void;
  ignore(descriptor: { message: Translated; range: Range; targetRuleId: string }): void;
}
interface HostSource {
  content: string;
  filePath: string | undefined;
  physicalFilePath: undefined;
  ext: string;
  contentType: 'text';
  hasBOM: boolean;
  getFilePath(): string | undefined;
  getPhysicalFilePath(): string | undefined;
  indexToPosition(index: number): { line: number; column: number };
  positionToIndex(position: { line: number; column: number }): number;
  rangeToLocation(range: Range): { start: { line: number; column: number }; end: { line: number; column: number } };
  locationToRange(location: { start: { line: number; column: number }; end: { line: number; column: number } }): [number, number];
}
interface HostRule {
  meta: { id: string; supportedContentTypes: readonly string[] };
  create(context: HostContext, options: Record<string, unknown>): { file?(source: HostSource): unknown };
}

const AWS = '@secretlint/secretlint-rule-aws';
/**
 * What every AWS access key id starts with (the AWS rule's own pattern without its word
 * boundaries). Its id scan also reports account ids, which are dropped (below): it is turned
 * on only when one of these stands in the text, and its result is then the same, for a
 * fraction of the time (the account id pattern is tried at every position).
 */
const AWS_KEY_ID_POSSIBLE = /(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}/;
const RULES = presetRules as unknown as readonly HostRule[];
// AWS account ids ("account_id = 1234-5678-9012") identify, they do not authenticate.
const DROPPED_MESSAGES = new Set([`${AWS}--AWSAccountID`]);

export interface SecretHit {
  /** Which secretlint rule (or "url-password") found it. */
  ruleId: string;
  messageId: string;
  /** What kind of credential ("AWS Access Key ID"). */
  kind: string;
  /** The secret as found (never put into a message unmasked). */
  value: string;
  start: number;
  end: number;
  /** The range the detector reported (for a URL password: the URL). */
  range: Range;
}

/**
 * Runs the preset's detectors over `content`, synchronously, as `lintSource` would with
 * the preset as its only rule (plus the AWS access key id scan); `allow` is passed to
 * every detector as its `allows` option. Only the rules whose keywords stand in the text
 * run (gates.ts); `everyRule` runs them all (the differential tests compare the two).
 */
export function scanWithPreset(content: string, allow: readonly string[] = [], filePath?: string, everyRule = false): SecretHit[] {
  // secretlint runs "/pattern/" entries on JavaScript's backtracking engine, which a
  // configured pattern can hang: it gets the literal entries, the patterns are tested below
  // in linear time (allowMatcher).
  const literals = allow.filter((entry) => allowPattern(entry) === null);
  const allowedByPattern = allowMatcher(allow.filter((entry) => allowPattern(entry) !== null));
  const reported: { ruleId: string; message: Translated; range: Range }[] = [];
  const ignored: { range: Range; targetRuleId: string }[] = [];
  const source = hostSource(content, filePath);
  const worthRunning = everyRule ? () => true : rulesWorthRunning(content);
  for (const rule of RULES) {
    const types = rule.meta.supportedContentTypes;
    if (!types.includes('text') && !types.includes('all')) continue;
    const ruleId = rule.meta.id;
    if (!worthRunning(ruleId)) continue;
    const context: HostContext = {
      sharedOptions: {},
      createTranslator: translator,
      report: (d) => reported.push({ ruleId, message: d.message, range: d.range }),
      ignore: (d) => ignored.push({ range: d.range, targetRuleId: d.targetRuleId }),
    };
    const options: Record<string, unknown> = ruleId === AWS ? { allows: literals, enableIDScanRule: AWS_KEY_ID_POSSIBLE.test(content) } : { allows: literals };
    const outcome = rule.create(context, options).file?.(source);
    // Only GCP's .p12 reader is async, and it never runs on a Markdown file.
    if (outcome instanceof Promise) outcome.catch(() => undefined);
  }
  const hits: SecretHit[] = [];
  const seen = new Set<string>();
  for (const r of reported) {
    if (DROPPED_MESSAGES.has(`${r.ruleId}--${r.message.messageId}`)) continue;
    const inside = (i: { range: Range; targetRuleId: string }): boolean =>
      i.range[0] <= r.range[0] && r.range[1] <= i.range[1] && (i.targetRuleId === '*' || i.targetRuleId === r.ruleId || !i.targetRuleId);
    if (ignored.some(inside)) continue;
    const key = `${r.range[0]}:${r.range[1]}:${r.message.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const value = messageValue(r.message);
    if (allowedByPattern(value || content.slice(r.range[0], r.range[1]))) continue;
    const kind = kindOf(/^found (.+?): /s.exec(r.message.message)?.[1] ?? 'credential');
    // A detector's range can start before the value (AWS's starts at the key name).
    const at = value ? content.indexOf(value, r.range[0]) : -1;
    const start = at >= 0 && at <= r.range[1] ? at : r.range[0];
    hits.push({
      ruleId: r.ruleId,
      messageId: r.message.messageId,
      kind,
      value: value || content.slice(r.range[0], r.range[1]),
      start,
      end: start + (value ? value.length : r.range[1] - r.range[0]),
      range: r.range,
    });
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** "GitHub Token(GitHub personal access tokens)" → "GitHub personal access token". */
function kindOf(found: string): string {
  const github = /^GitHub Token\((.+)\)$/.exec(found);
  if (!github) return found;
  const type = github[1]!.replace(/tokens$/, 'token');
  return type.startsWith('GitHub') ? type : `GitHub ${type}`;
}

function translator(messages: Localized): (messageId: string, props?: Record<string, unknown>) => Translated {
  return (messageId, props) => {
    const handler = messages[messageId];
    const format = typeof handler === 'function' ? handler : handler?.en;
    if (!format) throw new Error(`secretlint message ${messageId} has no English text`);
    return { message: props === undefined ? format() : format(props), messageId, data: props };
  };
}

const VALUE_KEYS = ['KEY', 'TOKEN', 'ID', 'URL', 'URI', 'CREDENTIAL'];

function messageValue(message: Translated): string {
  for (const key of VALUE_KEYS) {
    const value = message.data?.[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return '';
}

/** secretlint's source code object: lines count from 1, columns from 0. */
function hostSource(content: string, filePath: string | undefined): HostSource {
  let starts: number[] | null = null;
  const lineStarts = (): number[] => (starts ??= newlineStarts(content));
  const toPosition = (index: number): { line: number; column: number } => {
    const s = lineStarts();
    const line = Math.max(0, countAtMost(s, index) - 1);
    return { line: line + 1, column: index - s[line]! };
  };
  const toIndex = (p: { line: number; column: number }): number => {
    const s = lineStarts();
    const start = s[p.line - 1];
    return start === undefined ? content.length : Math.min(content.length, start + p.column);
  };
  return {
    content,
    filePath,
    physicalFilePath: undefined,
    ext: '.md',
    contentType: 'text',
    hasBOM: false,
    getFilePath: () => filePath,
    getPhysicalFilePath: () => undefined,
    indexToPosition: toPosition,
    positionToIndex: toIndex,
    rangeToLocation: (range) => ({ start: toPosition(range[0]), end: toPosition(range[1]) }),
    locationToRange: (loc) => [toIndex(loc.start), toIndex(loc.end)],
  };
}

// A password in a URL's user information, in any scheme: the preset reads http(s)/ftp
// with plain [-A-Za-z0-9_] passwords and the MongoDB, MySQL and PostgreSQL schemes; this
// adds the rest (redis://, amqp://, passwords with punctuation). The password stops at
// whitespace, "/", "@", quotes and brackets.
const URL_PASSWORD =
  /(?<![\w+.-])([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:/?#@[\]'"`<>()]{0,100}):([^\s/?#@'"`<>()[\]]{1,200})@([a-z0-9](?:[a-z0-9.-]{0,253}[a-z0-9])?|\[[0-9a-f:.]+\])/gi;
const URL_USER_INFO = /:\/\/[^\s:/?#@[\]'"`<>()]{0,100}:[^\s/?#@'"`<>()[\]]{1,200}@/;
/** For test/lint/secret-gates.test.ts: every match of the first holds a match of the second. */
export const URL_PATTERNS = { full: URL_PASSWORD, userInfo: URL_USER_INFO };
const PLACEHOLDER_PASSWORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'pw',
  'secret',
  'token',
  'changeme',
  'redacted',
  'removed',
  'hidden',
  'masked',
  'yourpassword',
  'mypassword',
  'userpassword',
  'dbpassword',
  'example',
  'placeholder',
  'xxx',
  'apikey',
  'key',
]);
const DOCUMENTATION_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid)$/i;

function isPlaceholderPassword(password: string, user: string): boolean {
  if (password.length < 4) return true;
  if (/^(.)\1+$/.test(password)) return true; // ****, xxxx, ....
  if (/[*…•]{2,}/.test(password)) return true; // partly redacted
  if (/\$\{[^}]*\}|\{\{?[^}]*\}\}?|%[A-Z_]+%|^\$[A-Z_]+$|\$\([^)]*\)/.test(password)) return true; // ${VAR}, {{var}}, %VAR%, $VAR
  if (PLACEHOLDER_PASSWORDS.has(password.toLowerCase().replace(/[^a-z]/g, ''))) return true;
  // "host.name:8080@…" reads as a host and a port more than as a user and a password.
  if (/^\d{1,5}$/.test(password) && user.includes('.')) return true;
  return false;
}

const URL_PARTS = /^[a-z][a-z0-9+.-]*:\/\/([^:@/\s]*):([^@\s]+)@([^/\s?#:]*)/i;

/** A URL whose password is a placeholder or whose host is for documentation. */
export function placeholderUrl(value: string): boolean {
  const m = URL_PARTS.exec(value);
  return m !== null && (isPlaceholderPassword(m[2]!, m[1]!) || DOCUMENTATION_HOST.test(m[3]!));
}

/** Passwords in URLs that the preset's detectors do not report. */
export function scanUrlPasswords(content: string, allow: readonly string[] = [], known: readonly SecretHit[] = []): SecretHit[] {
  // The pattern tries every letter as a scheme's start; this part of it (user, password and
  // "@" after "://") starts at a fixed ":" and is in every match: where it is not, nothing is.
  if (!URL_USER_INFO.test(content)) return [];
  const allowed = allowMatcher(allow);
  const hits: SecretHit[] = [];
  for (const m of content.matchAll(URL_PASSWORD)) {
    const [whole, , user = '', password = '', host = ''] = m;
    const start = m.index;
    const end = start + whole.length;
    if (known.some((k) => k.start < end && start < k.end)) continue;
    if (isPlaceholderPassword(password, user) || DOCUMENTATION_HOST.test(host)) continue;
    if (allowed(whole)) continue;
    hits.push({ ruleId: 'url-password', messageId: 'URLPassword', kind: 'password in a URL', value: whole, start, end, range: [start, end] });
  }
  return hits;
}

// Credentials the preset has no detector for, each recognised by its provider's prefix and
// format (the formats gitleaks and the providers document). Every pattern is linear: fixed
// prefixes, bounded runs, no nested quantifiers. `hints` are text every match contains: a
// pattern runs only where one of them stands in the text (most postmortems hold none).
const EXTRA_TOKENS: readonly { kind: string; hints: readonly string[]; re: RegExp }[] = [
  { kind: 'Stripe secret key', hints: ['k_live_', 'k_test_'], re: /(?<![\w-])(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{20,99}(?![\w-])/g },
  { kind: 'Stripe webhook signing secret', hints: ['whsec_'], re: /(?<![\w-])whsec_[0-9a-zA-Z+/]{24,64}(?![\w-])/g },
  { kind: 'Google API key', hints: ['AIza'], re: /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/g },
  { kind: 'Google OAuth client secret', hints: ['GOCSPX-'], re: /(?<![\w-])GOCSPX-[0-9A-Za-z_-]{28}(?![\w-])/g },
  { kind: 'Google OAuth access token', hints: ['ya29.'], re: /(?<![\w.-])ya29\.[0-9A-Za-z_-]{30,2000}/g },
  { kind: 'JSON Web Token', hints: ['eyJ'], re: /(?<![\w.-])eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{16,2000}(?![\w-])/g },
  { kind: 'GitLab token', hints: ['gl'], re: /(?<![\w-])gl(?:ptt|dt|rt|soat|cbt|ft|imt|agent|oas)-[0-9A-Za-z_-]{20,128}(?![\w-])/g },
  { kind: 'Twilio API key', hints: ['SK'], re: /(?<![\w-])SK[0-9a-f]{32}(?![\w-])/g },
  { kind: 'Azure storage account key', hints: ['AccountKey='], re: /(?<![\w-])AccountKey=[A-Za-z0-9+/]{86}==/g },
  { kind: 'DigitalOcean token', hints: ['_v1_'], re: /(?<![\w-])do[opr]_v1_[a-f0-9]{64}(?![\w-])/g },
  { kind: 'Mailgun API key', hints: ['key-'], re: /(?<![\w-])key-[0-9a-f]{32}(?![\w-])/g },
  { kind: 'Square access token', hints: ['sq0'], re: /(?<![\w-])sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}(?![\w-])/g },
  { kind: 'PyPI upload token', hints: ['pypi-AgEIcHlwaS5vcmc'], re: /(?<![\w-])pypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{50,500}/g },
  { kind: 'Telegram bot token', hints: [':AA'], re: /(?<![\w:-])\d{8,10}:AA[0-9A-Za-z_-]{33}(?![\w-])/g },
  { kind: 'Discord webhook', hints: ['/api/webhooks/'], re: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[\w-]{60,68}/g },
  // A private key whose body is too short for the preset's detector (Ed25519: 64 characters).
  {
    kind: 'private key',
    hints: ['PRIVATE KEY'],
    re: /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[ \t]*\r?\n[A-Za-z0-9+/=\r\n \t]{16,20000}-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g,
  },
];

/**
 * Documented example credentials (public in the providers' own docs, sent to no account):
 * Stripe's test key of its API reference and the token of jwt.io. Written in pieces.
 */
const DOCUMENTED_EXAMPLES = new Set([
  ['sk_test_', '4eC39HqLyjWDarjtT1zdp7dc'].join(''),
  [
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
    'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ',
    'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  ].join('.'),
]);
const PLACEHOLDER_WORDS = /example|sample|dummy|placeholder|redacted|your|xxxx|\*{3}|0000000000|1234567890/i;

/** Whether a found token is a placeholder: a documented example, a word of one, too few distinct characters. */
function placeholderToken(value: string): boolean {
  if (DOCUMENTED_EXAMPLES.has(value) || PLACEHOLDER_WORDS.test(value)) return true;
  const tail = value.slice(Math.min(8, value.length >> 2));
  return new Set(tail).size < 6;
}

/** Which of EXTRA_TOKENS may match a text: one pass for all their hints. */
const extraTokensWorthTrying = keywordGate(Object.fromEntries(EXTRA_TOKENS.map(({ kind, hints }) => [kind, { keywords: hints }])));

/** Credentials of providers the preset does not know (see EXTRA_TOKENS), where it found nothing. */
export function scanExtraTokens(content: string, allow: readonly string[] = [], known: readonly SecretHit[] = []): SecretHit[] {
  const allowed = allowMatcher(allow);
  const hits: SecretHit[] = [];
  const worthTrying = extraTokensWorthTrying(content);
  for (const { kind, re } of EXTRA_TOKENS) {
    if (!worthTrying(kind)) continue;
    re.lastIndex = 0;
    for (const m of content.matchAll(re)) {
      const value = m[0];
      const start = m.index;
      const end = start + value.length;
      if (known.some((k) => k.start < end && start < k.end) || hits.some((k) => k.start < end && start < k.end)) continue;
      if (kind === 'private key' ? !/[A-Za-z0-9+/]{16}/.test(value) : placeholderToken(value)) continue;
      if (allowed(value)) continue;
      hits.push({ ruleId: 'extra-token', messageId: kind, kind, value, start, end, range: [start, end] });
    }
  }
  return hits;
}

/** The found value as a message may show it: the secret part masked. */
export function maskedValue(hit: SecretHit): string {
  const url = /^([a-z][a-z0-9+.-]*:\/\/)([^:@/\s]*):([^@\s]+)@([^/\s?#]*)/i.exec(hit.value);
  if (url) return `${url[1]}${url[2]}:${mask(url[3]!)}@${url[4]}`;
  const pem = /^-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----/.exec(hit.value);
  if (pem) return `${pem[0]}…`;
  return mask(hit.value);
}
