// Every credential in a text, as written and as a Markdown renderer would show it.
import { decodeMarkdownText } from './decode.ts';
import { placeholderUrl, scanExtraTokens, scanUrlPasswords, scanWithPreset, type SecretHit } from './scan.ts';

/** The detectors over one text: the preset, passwords in URLs, then the tokens the preset does not know. */
function scanText(text: string, allow: readonly string[], filePath: string | undefined): SecretHit[] {
  const known = scanWithPreset(text, allow, filePath);
  // The preset's URL detectors take "https://user:pass@example.com" for a credential:
  // documentation hosts and placeholder passwords are dropped as for any URL.
  const urls = scanUrlPasswords(text, allow, known);
  const extra = scanExtraTokens(text, allow, [...known, ...urls]);
  return [...known.filter((h) => !placeholderUrl(h.value)), ...urls, ...extra];
}

let last: { source: string; allowKey: string; hits: readonly SecretHit[] } | null = null;

/**
 * The credentials in `source`, sorted by offset. Offsets are the source's; a credential
 * written with backslash escapes or character references ("ghp\_…", "AKIA&#x47;…") is
 * found in the decoded text and its range covers the escapes, while `value` is the
 * credential as a reader sees it. The last answer is kept, so that the rule and whoever
 * masks the same document's text afterwards scan it once.
 */
export function findSecrets(source: string, allow: readonly string[] = [], filePath?: string): readonly SecretHit[] {
  const allowKey = allow.join('\u0000');
  if (last !== null && last.source === source && last.allowKey === allowKey) return last.hits;
  const hits = scanText(source, allow, filePath);
  const decoded = decodeMarkdownText(source);
  if (decoded !== null) {
    for (const hit of scanText(decoded.text, allow, filePath)) {
      const start = decoded.toSource(hit.start);
      const end = decoded.toSourceEnd(hit.end);
      // Found as written already, or written without an escape: the first scan has it.
      if (!decoded.touchesEdit(start, end) || hits.some((h) => h.start < end && start < h.end)) continue;
      hits.push({ ...hit, start, end, range: [decoded.toSource(hit.range[0]), decoded.toSourceEnd(hit.range[1])] });
    }
  }
  hits.sort((a, b) => a.start - b.start || a.end - b.end);
  last = { source, allowKey, hits };
  return hits;
}

/** The hits `findSecrets` gave for exactly this source last, if it was the last text asked about. */
export function secretsFoundIn(source: string): readonly SecretHit[] | null {
  return last !== null && last.source === source ? last.hits : null;
}
