// Blame in prose: "human error" as a cause, hindsight judgements ("should have"),
// judgement words ("careless", "negligence"), blame and fault put on someone, and a
// person named as the cause ("caused by @ana", "Ana broke", "John's mistake"). Phrases
// that would read as blame only with a person attached need that person in the text.
// The word lists are data (kit/words/blame.ts); the search near anchors is the kit's.
import {
  BLAME as W,
  clauseStart,
  CoveredRanges,
  defineAnchors,
  isQuoted,
  matchesNear,
  nearSearch,
  PARAGRAPH_SPACE as S,
  phraseAlternation as any,
  phraseSearch,
  proseAnchors,
  proseText,
  type NearSearch,
} from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

const messages = W.BLAME_MESSAGES;
type MessageId = keyof typeof messages;

const APOSTROPHE = `['’]`;
const NAME = any(W.FIRST_NAMES, { regex: true });
const HANDLE = String.raw`@[A-Za-z0-9][\w.-]*[A-Za-z0-9]`;
const ROLE = String.raw`(?:${any(W.ROLE_DETERMINERS, { regex: true })}${S}(?:[\w-]+${S})?${any(W.ROLE_NOUNS, { regex: true })}|[Ss]omeone|[Ss]omebody)`;
/** Someone who can be blamed, named or by role (not "I"/"we": those are handled apart). */
const PERSON = String.raw`(?:${HANDLE}|\b${NAME}\b|\b${ROLE}\b)`;
// Not "you" and "they" ("you should have a backup", "the servers… they should have"), nor
// "no one" ("no one should have access").
const SUBJECT_PRONOUN = String.raw`(?:I|[Ww]e|[Hh]e|[Ss]he)`;
const PAST_PARTICIPLE = String.raw`(?:(?:\w+ly${S})?(?:\w+ed|${W.HINDSIGHT_PARTICIPLES.join('|')})\b)`;
/** A list as an alternation whose spaces are spaces ("such as"). */
const literal = (list: readonly string[]): string => any(list, { regex: true, space: ' ' });

interface Check {
  /** A cheap test on the whole text: the check runs only when it matches. */
  gate?: RegExp;
  re: RegExp;
  /** Where a match can stand: the pattern is tried only near its anchor (kit/text/near.ts). */
  near?: NearSearch;
  /** Skip the match when this matches the text just before it (same paragraph). */
  unless?: RegExp;
  /** Skip the match when this matches the match itself. */
  unlessMatch?: RegExp;
  /** Skip the match when this matches its sentence up to the match. */
  unlessSentence?: RegExp;
  /** Skip the match when this matches the text just after it. */
  unlessAfter?: RegExp;
  id: MessageId;
}

/** The words (runs of \w) a person ends with: a first name, a role's last word, or one of these pronouns. */
const personWords = (...pronouns: string[]): ReadonlySet<string> => new Set([...W.FIRST_NAMES, ...W.ROLE_LAST_WORDS, ...pronouns]);
/** The phrase as a message quotes it: its whitespace one space. */
const phraseOf = (text: string): string => text.replace(/\s+/g, ' ').trim();
const check = (
  re: RegExp,
  near: { anchor: string; before: number; after?: number; words?: ReadonlySet<string> } | null,
  rest: Omit<Check, 're' | 'near'>,
): Check => (near ? { re, near: nearSearch(re, near), ...rest } : { re, ...rest });

const CHECKS: readonly Check[] = [
  check(/\bhuman[ \t]+errors?\b/gi, null, {
    gate: /human/i,
    // "to reduce the chance of human error", "not human error": not a cause.
    unless: new RegExp(String.raw`\b${literal(W.HUMAN_ERROR_PREVENTED_BY)}\W+(?:\w+\W+){0,3}$`, 'i'),
    unlessAfter: /^[ \t]*-?prone\b/i,
    // One item in a list of what can go wrong in general ("bugs, traffic spikes, …, human error").
    unlessSentence: new RegExp(String.raw`\b${literal(W.GENERAL_LIST_OPENERS)}\b[^.]*(?:,|\band|\bor|\bto)[ \t]+$`, 'i'),
    id: 'humanError',
  }),
  check(
    new RegExp(
      String.raw`(?:${PERSON}|\b${SUBJECT_PRONOUN})${S}(?:(?:really|also|definitely|probably|obviously|clearly|simply|just)${S})?(?:should(?:n['’]t|${S}not)?${S}have|should['’]ve)(?=${S}${PAST_PARTICIPLE})`,
      'g',
    ),
    { anchor: String.raw`\bshould`, before: 5, words: personWords('I', 'we', 'We', 'he', 'He', 'she', 'She') },
    { id: 'hindsight' },
  ),
  check(
    new RegExp(String.raw`(?<![\w-])${any(W.JUDGEMENT_WORDS, { regex: true, space: '[ \\t]+' })}(?![\w-])`, 'gi'),
    { anchor: String.raw`\b${any(W.JUDGEMENT_STEMS)}`, before: 0 },
    {
      // "dumb terminal", "sloppy mode", "stupidly easy": technical terms and intensifiers.
      unlessAfter: new RegExp(String.raw`^[ \t]*${literal(W.JUDGEMENT_TECHNICAL_AFTER)}\b`, 'i'),
      // Upper case throughout: licence text ("INCLUDING NEGLIGENCE OR OTHERWISE").
      unlessMatch: /^[A-Z\s]{4,}$/,
      id: 'judgement',
    },
  ),
  check(
    new RegExp(
      String.raw`\b(?:is|are|was|were|be|being)${S}to${S}blame\b|\b[Bb]lam(?:e|ed|es|ing)${S}(?:it${S})?(?:on${S})?${PERSON}|(?:${PERSON}|\b(?:my|his|her|our|your|their))${APOSTROPHE}?s?${S}fault\b|\b[Ff]ault${S}of${S}${PERSON}|${PERSON}${S}(?:was|were|is|are)${S}at${S}fault\b`,
      'g',
    ),
    // Rare words: no test of the person ("is to blame" has none).
    { anchor: String.raw`\b(?:[Bb]lam|[Ff]ault)`, before: 6 },
    {
      unless: new RegExp(String.raw`\b${literal(W.BLAME_NEGATIONS)}\W+(?:\w+\W+){0,3}$`, 'i'),
      id: 'blame',
    },
  ),
  // "we failed to account for…" is a team's plain account, not blame on someone.
  check(
    new RegExp(String.raw`(?:${PERSON}|\b(?:[Hh]e|[Ss]he))${S}(?:had${S}|has${S})?failed${S}to\b`, 'g'),
    { anchor: String.raw`\bfailed`, before: 5, words: personWords('he', 'He', 'she', 'She') },
    {
      id: 'failedTo',
    },
  ),
  check(
    new RegExp(
      String.raw`\b(?:[Cc]aused|[Tt]riggered|[Ii]ntroduced|[Bb]roken)${S}by${S}(?:${PERSON}|\b(?:me|him|her)\b)|(?:${HANDLE}|\b${NAME}\b)${S}${any(W.CAUSING_VERBS, { regex: true })}\b|\b${ROLE}${S}${any(W.ROLE_CAUSING_VERBS, { regex: true })}\b`,
      'g',
    ),
    {
      anchor: String.raw`\b(?:[Cc]aused|[Tt]riggered|[Ii]ntroduced|[Bb]roke|accidentally|mistakenly|carelessly|messed|screwed|botched|forgot|neglected|mistyped|overlooked|ignored)`,
      before: 4,
      after: 5,
      words: personWords('me', 'him', 'her'),
    },
    { id: 'namedCause' },
  ),
  check(
    new RegExp(String.raw`(?:${HANDLE}|\b${NAME}\b|\b${ROLE}\b|(?<![/\w])(?:his|her)(?!/))${APOSTROPHE}?s?${S}${any(W.MISTAKE_NOUNS, { regex: true })}\b`, 'g'),
    {
      anchor: String.raw`\b(?:mistake|error|typo|oversight|blunder|screw|carelessness|negligence|incompetence)`,
      before: 4,
      words: personWords('his', 'hiss', 'her', 'hers'),
    },
    {
      unlessAfter: new RegExp(String.raw`^[ \t]*${literal(W.MISTAKE_THING_AFTER)}\b`, 'i'),
      // "learn from their mistakes": a general lesson.
      unless: /\blearn(?:s|ed|t|ing)?[ \t]+from[ \t]+$/i,
      id: 'personsMistake',
    },
  ),
];

// Each check's anchors, found with every other text rule's in one scan of the prose.
const ANCHORS = new Map(CHECKS.filter((c) => c.near).map((c) => [c, defineAnchors('blameless-language', 'prose', new RegExp(c.near!.anchor, c.re.flags))]));

interface Hit {
  start: number;
  end: number;
  id: MessageId;
  phrase: string;
}

/** Every blaming phrase in the text; `anchorsOf` gives the places of a check's anchors in it. */
export function findBlame(text: string, extraWords: readonly string[], anchorsOf: (check: Check) => readonly number[]): Hit[] {
  const hits: Hit[] = [];
  const covered = new CoveredRanges(text.length);
  const keep = (check: Check, start: number, end: number, match: string): void => {
    if (check.unlessMatch?.test(match)) return;
    // A word in quotes is mentioned, not used: why were they 'careless'?
    if (isQuoted(text, start, end)) return;
    if (check.unless?.test(text.slice(clauseStart(text, start, 80, '.'), start))) return;
    if (check.unlessSentence?.test(text.slice(clauseStart(text, start, 300, '. '), start))) return;
    if (check.unlessAfter?.test(text.slice(end, end + 30))) return;
    if (covered.overlaps(start, end)) return;
    covered.add(start, end);
    hits.push({ start, end, id: check.id, phrase: phraseOf(match) });
  };
  for (const check of CHECKS) {
    if (check.gate && !check.gate.test(text)) continue;
    for (const m of check.near ? matchesNear(text, check.near, anchorsOf(check)) : text.matchAll(check.re)) keep(check, m.index, m.index + m[0].length, m[0]);
  }
  const extra = extraWords.map((w) => w.trim().replace(/\s+/g, ' ')).filter((w) => w !== '');
  if (extra.length > 0) {
    const team: Check = { re: /$^/, id: 'teamWord' };
    for (const hit of phraseSearch(extra)(text)) keep(team, hit.start, hit.end, hit.text);
  }
  return hits.sort((a, b) => a.start - b.start);
}

export default defineRule<{ extraWords: string[] }, typeof messages>({
  id: 'blameless-language',
  description: 'Blame: "human error" as a cause, "should have", "careless", a person named as the cause',
  severity: 'warn',
  schema: {
    type: 'object',
    properties: {
      extraWords: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: "More words or phrases to report (whole words, any case), e.g. a team's own list.",
      },
    },
    additionalProperties: false,
  },
  defaults: { extraWords: [] },
  messages,
  docs: {
    rationale:
      'A blameless postmortem explains how the system let a mistake happen, so that people say what they saw and did and the fixes reach the system. Naming a person as the cause, judging with hindsight ("should have") or with adjectives ("careless") teaches the opposite. Only prose is read, and only phrases that carry blame are reported: "human error" as a cause (not "to reduce the risk of human error"), "should have" and "failed to" with a person as subject (not "the alert should have fired"), "blame" and "fault" put on someone (not "no one is to blame"), judgement words, and a person named as the cause (@handle, a first name or a role: "caused by @ana", "Ana broke", "John\'s mistake", "the intern forgot").',
    invalid: [
      {
        title: 'a named person, hindsight and judgement',
        markdown: md`
          ## Root Cause

          The outage was caused by @ana, who pushed the config without review. It was human error: she should have tested it in staging, and the change was careless.

          ## Lessons Learned

          John's mistake shows the engineer failed to read the runbook.
        `,
        expected: `
          3:16-3:30 namedCause
          3:77-3:88 humanError
          3:90-3:105 hindsight
          3:147-3:155 judgement
          7:1-7:15 personsMistake
          7:22-7:44 failedTo
        `,
      },
      {
        title: "a team's own words",
        options: { extraWords: ['cowboy deploy'] },
        markdown: md`
          ## Root Cause

          A cowboy deploy on Friday evening.
        `,
        expected: `
          3:3-3:16 teamWord
        `,
      },
    ],
    valid: [
      {
        title: 'systems as subjects, negations, technical terms, code',
        markdown: md`
          ## Root Cause

          The alert should have fired at 10:05 but its threshold was too high. No one is to blame: the deploy tool allowed an unreviewed change, and the failover failed to start because of the lazy loading of its config. We added a check to reduce the risk of human error. The error budget and Nginx's error log are fine.

          \`\`\`
          # careless: should have been caught by CI
          \`\`\`
        `,
      },
    ],
  },
  check(context) {
    const { source, options, report, pieces } = context;
    const text = proseText(source, pieces());
    const anchors = proseAnchors(context);
    for (const hit of findBlame(text, options.extraWords, (c) => anchors.of(ANCHORS.get(c)!))) {
      report({ messageId: hit.id, data: { phrase: hit.phrase }, start: hit.start, end: hit.end });
    }
  },
});
