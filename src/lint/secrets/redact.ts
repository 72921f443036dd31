// Text that leaves Hindsight (the site, the feed, the search index, the job summary, the
// archive index, cached and printed findings) carries credentials masked as the no-secrets
// rule's messages show them: "ghp_…", "redis://cache:Qx…@host".
import { findSecrets } from './find.ts';
import { maskedValue, type SecretHit } from './scan.ts';

// Every credential the detectors know is a run of at least 16 characters of these (escapes
// and references included), a URL with user information, or a private key block. A title
// or a line without one is returned without running the detectors (an archive has
// thousands).
const TOKEN_RUN = /[\w\-+/=\\&#;.:~]{16}/;

function mayHoldSecret(text: string): boolean {
  return text.length >= 16 && (TOKEN_RUN.test(text) || text.includes('://') || text.includes('PRIVATE KEY'));
}

/**
 * `text` with every credential in it masked. A masked credential keeps the line breaks it
 * spanned (a private key), so that line numbers into the text stay true.
 */
export function redactSecrets(text: string, allow: readonly string[] = []): string {
  if (!mayHoldSecret(text)) return text;
  const hits = findSecrets(text, allow);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const hit of hits) {
    if (hit.start < at) continue; // inside one masked already
    const spanned = text.slice(hit.start, hit.end);
    const breaks = spanned.match(/\r?\n/g)?.join('') ?? '';
    out += text.slice(at, hit.start) + maskedValue(hit) + breaks;
    at = hit.end;
  }
  return out + text.slice(at);
}

/**
 * `message` with the credentials of `hits` masked wherever it quotes them, as written in
 * the source or as read (a finding quoting a frontmatter value or a line of the timeline).
 */
export function maskQuotedSecrets(message: string, hits: readonly SecretHit[], source: string): string {
  let out = message;
  for (const hit of hits) {
    const masked = maskedValue(hit);
    for (const form of new Set([hit.value, source.slice(hit.start, hit.end)])) {
      if (form.length >= 8 && out.includes(form)) out = out.split(form).join(masked);
    }
  }
  return out;
}
