// Which of secretlint's recommended rules can find anything in a text. Each rule's detectors
// only match text that holds one of its keywords: fixed text of the rule's own patterns ("ghp_"
// of /(?<!\p{L})(ghp|gho|…)_[A-Za-z0-9_]{36}…/, "-----BEGIN … PRIVATE KEY"), so a rule whose
// keywords are all absent is not run: most postmortems hold none, and the rules' own scans
// (lookbehinds, Unicode classes, a pass each) cost as much as the rest of no-secrets.
// test/lint/secret-gates.test.ts holds every keyword to the preset's source and compares the
// gated scan with the full preset on generated text, a labelled set of fake credentials of
// every kind the preset knows, and the corpora.
//
// A rule of the preset missing here (a newer preset) runs on every text.

export interface Gate {
  /** The rule runs where one of these stands in the text, as written. */
  keywords: readonly string[];
  /** …or one of these in any case (the rule's pattern has the `i` flag). */
  caseless?: readonly string[];
}

const RULE = '@secretlint/secretlint-rule-';

export const PRESET_GATES: Readonly<Record<string, Gate>> = {
  // Key ids (/(A3T[A-Z0-9]|AKIA|AGPA|…)[A-Z0-9]{16}/) and secret keys by their name
  // (/…(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)_?(?:KEY|key|Key)…/).
  [`${RULE}aws`]: { keywords: ['A3T', 'AKIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'ASIA', 'SECRET', 'secret', 'Secret'] },
  // Reads .p12 and .json files only: a postmortem is read as ".md" (scan.ts).
  [`${RULE}gcp`]: { keywords: [] },
  [`${RULE}privatekey`]: { keywords: ['PRIVATE KEY'] },
  // npm_ tokens; x-oauth-basic URLs and _authToken= where the file is a package or .npmrc file.
  [`${RULE}npm`]: { keywords: ['npm_', ':x-oauth-basic@github', '_authToken='] },
  // /(?:https?|ftp|ftps):\/\/user:password@host/.
  [`${RULE}basicauth`]: { keywords: ['://'] },
  [`${RULE}slack`]: { keywords: ['xoxb-', 'xoxp-', 'xapp-', 'xoxa-', 'xoxo-', 'xoxr-'], caseless: ['hooks.slack.com/services/'] },
  [`${RULE}sendgrid`]: { keywords: ['SG.'] },
  [`${RULE}shopify`]: { keywords: ['shppa_', 'shpca_', 'shpat_', 'shpss_'] },
  [`${RULE}github`]: { keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'] },
  [`${RULE}gitlab`]: { keywords: ['glpat-'] },
  [`${RULE}grafana`]: { keywords: ['glc_', 'glsa_'] },
  // Both of its key shapes hold "T3BlbkFJ" ("OpenAI" in base64).
  [`${RULE}openai`]: { keywords: ['T3BlbkFJ'] },
  [`${RULE}anthropic`]: { keywords: ['sk-ant-api0'] },
  [`${RULE}groq`]: { keywords: ['gsk_'] },
  [`${RULE}huggingface`]: { keywords: ['hf_'] },
  [`${RULE}linear`]: { keywords: ['lin_api_'] },
  [`${RULE}notion`]: { keywords: ['ntn_'] },
  [`${RULE}1password`]: { keywords: ['ops_ey'] },
  // /mongodb(?:\+srv)?:\/\/…/gi, /(?:jdbc:)?mysql(?:x)?:\/\/…/gi, /postgres(?:ql)?:\/\/…/gi.
  [`${RULE}database-connection-string`]: { keywords: [], caseless: ['mongodb', 'mysql', 'postgres'] },
  [`${RULE}hashicorp-vault`]: { keywords: ['hvs.', 'hvb.', 'hvr.'] },
  [`${RULE}vercel`]: { keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'] },
  [`${RULE}databricks`]: { keywords: ['dapi'] },
  [`${RULE}docker`]: { keywords: ['dckr_pat_'] },
  [`${RULE}figma`]: { keywords: ['figd_'] },
  // The secretlint-disable comments.
  [`${RULE}filter-comments`]: { keywords: ['secretlint-'] },
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface Finder {
  re: RegExp;
  /** The ids a found keyword opens: its own and those of every keyword inside it ("secret" in "secretlint-"). */
  opens: Map<string, readonly string[]>;
}

/** One pattern for a set of keywords: the longest first, so that at each position the longest is found. */
function finder(words: Map<string, string[]>, flags: string): Finder | null {
  if (words.size === 0) return null;
  const sorted = [...words.keys()].sort((a, b) => b.length - a.length);
  const opens = new Map<string, readonly string[]>();
  for (const word of sorted) opens.set(word, [...new Set(sorted.filter((inner) => word.includes(inner)).flatMap((inner) => words.get(inner)!))]);
  return { re: new RegExp(sorted.map(escapeRegExp).join('|'), flags), opens };
}

/**
 * For a table of gates, the function that tells which of its ids may find something in a
 * text: one pass of one pattern over the text for every keyword (one more for the caseless
 * ones). An id the table does not hold is always in.
 */
export function keywordGate(gates: Readonly<Record<string, Gate>>): (content: string) => (id: string) => boolean {
  const exact = new Map<string, string[]>();
  const caseless = new Map<string, string[]>();
  for (const [id, gate] of Object.entries(gates)) {
    for (const word of gate.keywords) exact.set(word, [...(exact.get(word) ?? []), id]);
    for (const word of gate.caseless ?? []) caseless.set(word.toLowerCase(), [...(caseless.get(word.toLowerCase()) ?? []), id]);
  }
  const finders = [finder(exact, 'g'), finder(caseless, 'gi')].filter((f) => f !== null);
  return (content) => {
    const open = new Set<string>();
    for (const { re, opens } of finders) {
      re.lastIndex = 0;
      for (let m = re.exec(content); m !== null; m = re.exec(content)) {
        for (const id of opens.get(re.ignoreCase ? m[0].toLowerCase() : m[0])!) open.add(id);
        // Keywords may overlap ("npm_authToken="): the next search starts one character on.
        re.lastIndex = m.index + 1;
      }
    }
    return (id) => open.has(id) || !Object.hasOwn(gates, id);
  };
}

/** The preset rules that may find something in `content` (a rule not in PRESET_GATES always may). */
export const rulesWorthRunning = keywordGate(PRESET_GATES);
