// Blame in prose: "human error" as a cause, hindsight judgements ("should have"),
// judgement words ("careless", "negligence"), blame and fault put on someone, and a
// person named as the cause ("caused by @ana", "Ana broke", "John's mistake"). Phrases
// that would read as blame only with a person attached need that person in the text.
import { defineRule } from '../src/lint/rule.ts';

interface Hit {
  start: number;
  end: number;
  message: string;
}

// Whitespace inside a paragraph: at most one line break.
const S = String.raw`(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)`;
const APOSTROPHE = `['’]`;

// Common first names, for "Ana broke" and "John's mistake". Names that are also common
// words or product names (Will, Mark, Grace, Ruby, Jenkins…) are left out.
const FIRST_NAMES = [
  'Aaron', 'Adam', 'Adrian', 'Ahmed', 'Aisha', 'Alan', 'Alex', 'Alexander', 'Alice', 'Alicia', 'Ali', 'Amanda', 'Amir', 'Ana', 'Andre',
  'Andrea', 'Andrew', 'Andy', 'Angela', 'Anna', 'Anne', 'Anthony', 'Arjun', 'Ben', 'Benjamin', 'Bob', 'Brian', 'Carlos', 'Carol',
  'Charles', 'Charlie', 'Chen', 'Chris', 'Christina', 'Christopher', 'Claire', 'Daniel', 'Dani', 'Dave', 'David', 'Diana', 'Diego',
  'Dmitri', 'Elena', 'Emily', 'Emma', 'Eric', 'Erik', 'Fatima', 'Felix', 'Fernando', 'Frank', 'Gabriel', 'George', 'Hannah', 'Hans',
  'Hassan', 'Helen', 'Ibrahim', 'Igor', 'Ivan', 'Jacob', 'James', 'Jamie', 'Jane', 'Jason', 'Javier', 'Jeff', 'Jennifer', 'Jessica',
  'Jim', 'Joe', 'John', 'Jonas', 'Jordan', 'Jose', 'Joseph', 'Josh', 'Juan', 'Julia', 'Karen', 'Kate', 'Kevin', 'Kofi', 'Laura',
  'Lauren', 'Li', 'Linda', 'Lisa', 'Lucas', 'Luis', 'Maria', 'Marie', 'Mario', 'Martin', 'Mary', 'Matt', 'Matthew', 'Mehmet', 'Michael',
  'Michelle', 'Mike', 'Mohamed', 'Mohammed', 'Nadia', 'Nancy', 'Natalia', 'Nick', 'Nicole', 'Noah', 'Olga', 'Oliver', 'Omar', 'Pablo',
  'Paul', 'Pedro', 'Peter', 'Priya', 'Rachel', 'Rahul', 'Raj', 'Rebecca', 'Richard', 'Robert', 'Ryan', 'Sam', 'Samuel', 'Sara',
  'Sarah', 'Scott', 'Sean', 'Sergei', 'Sofia', 'Sophie', 'Stephen', 'Steve', 'Steven', 'Susan', 'Thomas', 'Tim', 'Tom', 'Tony',
  'Victor', 'Wei', 'William', 'Yuki', 'Zoe',
];
const NAME = String.raw`(?:${FIRST_NAMES.join('|')})`;
const HANDLE = String.raw`@[A-Za-z0-9][\w.-]*[A-Za-z0-9]`;
const ROLE_NOUN = String.raw`(?:engineers?|developers?|devs?|operators?|admins?|administrators?|sysadmins?|SREs?|on-?call(?:${S}engineers?)?|interns?|contractors?|employees?|technicians?|programmers?|testers?|analysts?|team${S}members?|teammates?|colleagues?|new${S}hires?|juniors?|human|humans|person|somebody|someone)`;
const ROLE = String.raw`(?:(?:[Tt]he|[Aa]n?|[Oo]ur|[Mm]y|[Tt]heir|[Hh]is|[Hh]er|[Tt]hat|[Tt]his|[Oo]ne|[Aa]nother)${S}(?:[\w-]+${S})?${ROLE_NOUN}|[Ss]omeone|[Ss]omebody)`;
/** Someone who can be blamed, named or by role (not "I"/"we": those are handled apart). */
const PERSON = String.raw`(?:${HANDLE}|\b${NAME}\b|\b${ROLE}\b)`;
// Not "you" and "they" ("you should have a backup", "the servers… they should have"), nor
// "no one" ("no one should have access").
const SUBJECT_PRONOUN = String.raw`(?:I|[Ww]e|[Hh]e|[Ss]he)`;
// "should have tested / been / known / had": hindsight; "should have a runbook": a need.
const PAST_PARTICIPLE = String.raw`(?:(?:\w+ly${S})?(?:\w+ed|been|known|done|gone|seen|made|caught|taken|given|written|run|set|put|told|sent|spent|built|kept|left|read|found|thought|brought|got|gotten|had|understood|shown|stopped)\b)`;

interface Check {
  /** A cheap test on the whole text: the check runs only when it matches. */
  gate?: RegExp;
  re: RegExp;
  /** Skip the match when this matches the text just before it (same paragraph). */
  unless?: RegExp;
  /** Skip the match when this matches the match itself. */
  unlessMatch?: RegExp;
  /** Skip the match when this matches its sentence up to the match. */
  unlessSentence?: RegExp;
  /** Skip the match when this matches the text just after it. */
  unlessAfter?: RegExp;
  /** Where a match can stand: the pattern is tried only there (see `Around`). */
  around?: Around;
  message(match: string): string;
}

/**
 * A pattern with a person in it (~150 names, ~40 roles) is slow to try at every word of the
 * text, and slow to compile, which a one-file run pays in full. But each match holds an
 * anchor, and starts at most `before` words (runs of non-space) before the anchor's word;
 * its person, if `person` is given, stands in those words or the `after` words after it,
 * and is an @handle or ends with a word of `person`. So the pattern is tried only in those
 * stretches, and only in those with such a person: the same matches, found in a fraction of
 * the text. (A text without an anchor has no match: the anchor is the check's gate too.)
 */
interface Around {
  /** Letters after a word start (`\b`): no match starts inside an anchor. */
  anchor: string;
  before: number;
  after?: number;
  person?: ReadonlySet<string>;
}

// The last word of each ROLE_NOUN and ROLE ("the on-call engineer", "a new hire", "someone"):
// keep in step with them.
const ROLE_WORDS = [
  ...'engineer developer dev operator admin administrator sysadmin SRE intern contractor employee technician programmer tester analyst member teammate colleague hire junior'
    .split(' ')
    .flatMap((noun) => [noun, `${noun}s`]),
  ...['call', 'oncall', 'human', 'humans', 'person', 'somebody', 'someone', 'Somebody', 'Someone'],
];
/** The words (runs of \w) a person ends with: a first name, a role's last word, or one of these pronouns. */
const personWords = (...pronouns: string[]): ReadonlySet<string> => new Set([...FIRST_NAMES, ...ROLE_WORDS, ...pronouns]);

const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»' };
const quote = (text: string): string => `"${text.replace(/\s+/g, ' ').trim()}"`;

const REFRAME_CONDITIONS = 'describe what made the mistake possible instead (the missing check, the confusing UI, the unsafe default, the time pressure)';

const CHECKS: readonly Check[] = [
  {
    gate: /human/i,
    re: /\bhuman[ \t]+errors?\b/gi,
    // "to reduce the chance of human error", "not human error": not a cause.
    unless: /\b(?:reduc\w*|prevent\w*|avoid\w*|eliminat\w*|minimi[sz]\w*|mitigat\w*|lower\w*|limit\w*|chances?|risks?|possibility|likelihood|room|prone|susceptible|guard\w*|protect\w*|against|without|not|no|less|remov\w*|fewer|automat\w*)\W+(?:\w+\W+){0,3}$/i,
    unlessAfter: /^[ \t]*-?prone\b/i,
    // One item in a list of what can go wrong in general ("bugs, traffic spikes, …, human error").
    unlessSentence: /\b(?:rang\w*[ \t]+(?:of|from)|various|such as|including|e\.g\.|for example|factors|kinds of|types of|sources of|causes? (?:like|such))\b[^.]*(?:,|\band|\bor|\bto)[ \t]+$/i,
    message: (m) => `${quote(m)} names people as the cause: ${REFRAME_CONDITIONS}, and what will catch it next time.`,
  },
  {
    re: new RegExp(String.raw`(?:${PERSON}|\b${SUBJECT_PRONOUN})${S}(?:(?:really|also|definitely|probably|obviously|clearly|simply|just)${S})?(?:should(?:n['’]t|${S}not)?${S}have|should['’]ve)(?=${S}${PAST_PARTICIPLE})`, 'g'),
    around: { anchor: String.raw`\bshould`, before: 5, person: personWords('I', 'we', 'We', 'he', 'He', 'she', 'She') },
    message: (m) => `${quote(m)} judges with hindsight: describe what was known and seen at the time, and what would have helped (a check, an alert, a clearer runbook).`,
  },
  {
    // Not "lazy" (lazy loading, lazy quantifiers): in engineering text it is nearly always technical.
    re: /(?<![\w-])(?:careless(?:ly|ness)?|negligen(?:ce|t|tly)|incompeten(?:ce|t|tly)|stupid(?:ity|ly)?|idiot(?:s|ic)?|sloppy|sloppiness|reckless(?:ly|ness)?|foolish(?:ly|ness)?|irresponsib(?:le|ly|ility)|dumb|rookie[ \t]+mistakes?|silly[ \t]+mistakes?)(?![\w-])/gi,
    // (The look-behind is slow to try at every place: a word start is found first.)
    around: { anchor: String.raw`\b(?:careless|negligen|incompeten|stupid|idiot|slopp|reckless|foolish|irresponsib|dumb|rookie|silly)`, before: 0 },
    // "dumb terminal", "sloppy mode", "stupidly easy": technical terms and intensifiers.
    unlessAfter: /^[ \t]*(?:terminals?|pipes?|clients?|switch\w*|mode|quorums?|easy|simple|fast)\b/i,
    // Upper case throughout: licence text ("INCLUDING NEGLIGENCE OR OTHERWISE").
    unlessMatch: /^[A-Z\s]{4,}$/,
    message: (m) => `${quote(m)} judges a person: ${REFRAME_CONDITIONS}.`,
  },
  {
    re: new RegExp(String.raw`\b(?:is|are|was|were|be|being)${S}to${S}blame\b|\b[Bb]lam(?:e|ed|es|ing)${S}(?:it${S})?(?:on${S})?${PERSON}|(?:${PERSON}|\b(?:my|his|her|our|your|their))${APOSTROPHE}?s?${S}fault\b|\b[Ff]ault${S}of${S}${PERSON}|${PERSON}${S}(?:was|were|is|are)${S}at${S}fault\b`, 'g'),
    // Rare words: no test of the person ("is to blame" has none).
    around: { anchor: String.raw`\b(?:[Bb]lam|[Ff]ault)`, before: 6 },
    unless: /\b(?:no|not|nobody|no one|never|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|without|don['’]t|didn['’]t|avoid\w*)\W+(?:\w+\W+){0,3}$/i,
    message: (m) => `${quote(m)} assigns blame: describe what happened and what allowed it, not whose fault it was.`,
  },
  {
    // "we failed to account for…" is a team's plain account, not blame on someone.
    re: new RegExp(String.raw`(?:${PERSON}|\b(?:[Hh]e|[Ss]he))${S}(?:had${S}|has${S})?failed${S}to\b`, 'g'),
    around: { anchor: String.raw`\bfailed`, before: 5, person: personWords('he', 'He', 'she', 'She') },
    message: (m) => `${quote(m)} puts the failure on a person: describe what would have made the step hard to miss (a checklist, automation, an alert, a review).`,
  },
  {
    re: new RegExp(String.raw`\b(?:[Cc]aused|[Tt]riggered|[Ii]ntroduced|[Bb]roken)${S}by${S}(?:${PERSON}|\b(?:me|him|her)\b)|(?:${HANDLE}|\b${NAME}\b)${S}(?:(?:accidentally|mistakenly|carelessly)${S}\w+|broke|messed${S}up|screwed${S}up|botched|forgot|neglected|mistyped|overlooked|ignored|caused)\b|\b${ROLE}${S}(?:messed${S}up|screwed${S}up|botched|forgot|neglected|carelessly${S}\w+)\b`, 'g'),
    around: {
      anchor: String.raw`\b(?:[Cc]aused|[Tt]riggered|[Ii]ntroduced|[Bb]roke|accidentally|mistakenly|carelessly|messed|screwed|botched|forgot|neglected|mistyped|overlooked|ignored)`,
      before: 4,
      after: 5,
      person: personWords('me', 'him', 'her'),
    },
    message: (m) => `${quote(m)} names a person as the cause: describe the action and what allowed it (the missing review, the unguarded command, the unclear runbook) instead of who did it.`,
  },
  {
    re: new RegExp(String.raw`(?:${HANDLE}|\b${NAME}\b|\b${ROLE}\b|(?<![/\w])(?:his|her)(?!/))${APOSTROPHE}?s?${S}(?:mistakes?|errors?|typos?|oversights?|blunders?|screw-?ups?|carelessness|negligence|incompetence)\b`, 'g'),
    around: { anchor: String.raw`\b(?:mistake|error|typo|oversight|blunder|screw|carelessness|negligence|incompetence)`, before: 4, person: personWords('his', 'hiss', 'her', 'hers') },
    unlessAfter: /^[ \t]*(?:logs?|messages?|pages?|rates?|codes?|handl\w*|budgets?|output|reporting)\b/i,
    // "learn from their mistakes": a general lesson.
    unless: /\blearn(?:s|ed|t|ing)?[ \t]+from[ \t]+$/i,
    message: (m) => `${quote(m)} names a person as the cause: describe the action and what allowed it (the missing review, the unguarded command, the unclear runbook) instead of who did it.`,
  },
];

interface Search {
  /** The anchor, sticky: whether it stands at a place. */
  anchor: RegExp;
  before: number;
  after: number;
  person: ReadonlySet<string> | null;
  /** The check's pattern, or an anchor ahead (an empty match): searched from before an anchor, it stops there at the latest. */
  find: RegExp;
}

const SEARCHES = new Map<Check, Search>();
for (const check of CHECKS) {
  const { re, around } = check;
  if (!around) continue;
  SEARCHES.set(check, {
    anchor: new RegExp(around.anchor, re.flags.replace('g', 'y')),
    before: around.before,
    after: around.after ?? 0,
    person: around.person ?? null,
    find: new RegExp(String.raw`(?:${re.source})|(?=${around.anchor})`, re.flags),
  });
}

// Every anchor is letters after a word start, so none starts inside another, and one scan (in
// any case) finds the places of all: a scan for each would cost as much as this one each.
const ANY_ANCHOR = new RegExp([...SEARCHES.values()].map(({ anchor }) => anchor.source).join('|'), 'gi');

function anchorsOf(text: string): Map<Search, number[]> {
  const anchors = new Map<Search, number[]>([...SEARCHES.values()].map((search) => [search, []]));
  for (const { index } of text.matchAll(ANY_ANCHOR)) {
    for (const [{ anchor }, places] of anchors) {
      anchor.lastIndex = index;
      if (anchor.test(text)) places.push(index);
    }
  }
  return anchors;
}

const WORD = /\w+/g;
// The patterns' whitespace (S): a word is a run of anything else.
const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10;

/** Whether the text has an @handle or a word a person ends with (the patterns' names, roles and pronouns are whole words). */
function mayHoldPerson(text: string, person: ReadonlySet<string>): boolean {
  if (text.includes('@')) return true;
  for (const [word] of text.matchAll(WORD)) if (person.has(word)) return true;
  return false;
}

/**
 * What `text.matchAll(check.re)` finds, for a check with a `Search`: the pattern is tried at
 * each place from `before` words before each anchor's word up to the anchor, when these words
 * (and `after` words after it) may hold a person, and nowhere else, where no match starts.
 * Each place is tried once, and each word is walked over for a few anchors at most.
 */
function* searchMatches(text: string, search: Search, anchors: readonly number[]): Generator<RegExpExecArray> {
  const { before, after, person, find } = search;
  let tried = 0; // every place before this has been tried (or lies inside a match)
  let previous = -1; // the last anchor
  let from = 0; // where its stretch starts
  let likely = false; // whether its stretch may hold a person
  for (const at of anchors) {
    let i = at;
    while (i > previous && i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
    // In the word of the last anchor ("x.should.should…"): the same stretch.
    if (i !== previous) {
      while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
      for (let n = 0; n < before; n++) {
        while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
        while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
      }
      from = i;
      let end = at;
      while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
      for (let n = 0; n < after; n++) {
        while (end < text.length && isSpace(text.charCodeAt(end))) end++;
        while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
      }
      likely = person === null || mayHoldPerson(text.slice(from, end), person);
    }
    previous = at;
    if (!likely) continue;
    for (let place = Math.max(tried, from); place <= at; tried = place) {
      find.lastIndex = place;
      const m = find.exec(text)!;
      if (m[0] === '') place = m.index + 1;
      else {
        yield m;
        place = m.index + m[0].length;
      }
    }
  }
}

/**
 * The source with everything that is not prose blanked out (code, HTML, link targets,
 * Markdown punctuation), line breaks kept: offsets in it are offsets in the source.
 */
function proseOnly(source: string, pieces: readonly { value: string; offset: number; kind: string }[]): string {
  let out = '';
  let cursor = 0;
  for (const piece of pieces) {
    if (piece.kind !== 'prose' || piece.offset < cursor) continue;
    out += blank(source.slice(cursor, piece.offset)) + piece.value;
    cursor = piece.offset + piece.value.length;
  }
  return out + blank(source.slice(cursor));
}

/** Spaces for every character but newlines, so offsets and lines stay where they were. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the clause before `start` begins: after the last paragraph break, after the last
 * `stop` ("." or ". "), or `reach` characters back, whichever is latest. Only those `reach`
 * characters are searched: a search of the whole text before each match would be quadratic
 * in matches.
 */
function clauseStart(text: string, start: number, reach: number, stop: string): number {
  const from = Math.max(0, start - reach);
  // A break or stop that begins at or before `start` (as lastIndexOf from `start` finds them).
  const window = text.slice(from, start + stop.length + 1);
  const lastBreak = window.lastIndexOf('\n\n', start - from);
  // ("." is looked for before `start`, ". " at or before it; one found before `from` cannot win.)
  const stopAt = stop === '.' ? start - 1 : start;
  const lastStop = stopAt < from && from > 0 ? -1 : window.lastIndexOf(stop, stopAt - from);
  return Math.max(lastBreak === -1 ? 0 : from + lastBreak, lastStop === -1 ? 0 : from + lastStop + 1, from);
}

/** The characters hits already cover: a new match overlapping one is dropped, in time linear in its length. */
class Taken {
  private readonly length: number;
  private covered: Uint8Array | null = null;

  constructor(length: number) {
    this.length = length;
  }

  /** Empty hits (no pattern gives one, but the test is exact): they cover no character. */
  private readonly empty: number[] = [];

  overlaps(start: number, end: number, hits: readonly Hit[]): boolean {
    // An empty match overlaps a hit that holds it strictly inside.
    if (start === end) return hits.some((h) => h.start < end && start < h.end);
    if (this.empty.some((at) => start < at && at < end)) return true;
    if (this.covered === null) return false;
    for (let i = start; i < end; i++) if (this.covered[i] === 1) return true;
    return false;
  }

  add(start: number, end: number): void {
    if (start === end) {
      this.empty.push(start);
      return;
    }
    this.covered ??= new Uint8Array(this.length);
    this.covered.fill(1, start, end);
  }
}

export function findBlame(text: string, extraWords: readonly string[] = []): Hit[] {
  const hits: Hit[] = [];
  const checks: Check[] = [...CHECKS];
  const extra = extraWords.map((w) => w.trim()).filter((w) => w !== '');
  if (extra.length > 0) {
    checks.push({
      re: new RegExp(String.raw`(?<![\w-])(?:${extra.map((w) => escapeRegExp(w).replace(/\s+/g, S)).join('|')})(?![\w-])`, 'gi'),
      message: (m) => `${quote(m)} is on this team's list of blaming words: ${REFRAME_CONDITIONS}.`,
    });
  }
  const anchors = anchorsOf(text);
  const taken = new Taken(text.length);
  for (const check of checks) {
    if (check.gate && !check.gate.test(text)) continue;
    const search = SEARCHES.get(check);
    for (const m of search ? searchMatches(text, search, anchors.get(search)!) : text.matchAll(check.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (check.unlessMatch?.test(m[0])) continue;
      // A word in quotes is mentioned, not used: why were they 'careless'?
      if (QUOTES[text[start - 1] ?? ''] !== undefined && QUOTES[text[start - 1]!] === text[end]) continue;
      if (check.unless && check.unless.test(text.slice(clauseStart(text, start, 80, '.'), start))) continue;
      if (check.unlessSentence && check.unlessSentence.test(text.slice(clauseStart(text, start, 300, '. '), start))) continue;
      if (check.unlessAfter && check.unlessAfter.test(text.slice(end, end + 30))) continue;
      if (taken.overlaps(start, end, hits)) continue;
      taken.add(start, end);
      hits.push({ start, end, message: check.message(m[0]) });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

export default defineRule<{ extraWords: string[] }>({
  id: 'blameless-language',
  description: 'Blame: "human error" as a cause, "should have", "careless", a person named as the cause',
  severity: 'warn',
  schema: {
    type: 'object',
    properties: {
      extraWords: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'More words or phrases to report (whole words, any case), e.g. a team\'s own list.',
      },
    },
    additionalProperties: false,
  },
  defaults: { extraWords: [] },
  docs: {
    rationale:
      'A blameless postmortem explains how the system let a mistake happen, so that people say what they saw and did and the fixes reach the system. Naming a person as the cause, judging with hindsight ("should have") or with adjectives ("careless") teaches the opposite. Only prose is read, and only phrases that carry blame are reported: "human error" as a cause (not "to reduce the risk of human error"), "should have" and "failed to" with a person as subject (not "the alert should have fired"), "blame" and "fault" put on someone (not "no one is to blame"), judgement words, and a person named as the cause (@handle, a first name or a role: "caused by @ana", "Ana broke", "John\'s mistake", "the intern forgot").',
    invalid: [
      {
        title: 'a named person, hindsight and judgement',
        markdown:
          '## Root Cause\n\nThe outage was caused by @ana, who pushed the config without review. It was human error: she should have tested it in staging, and the change was careless.\n\n## Lessons Learned\n\nJohn\'s mistake shows the engineer failed to read the runbook.\n',
        messages: [
          '"caused by @ana" names a person as the cause',
          '"human error" names people as the cause',
          '"she should have" judges with hindsight',
          '"careless" judges a person',
          '"John\'s mistake" names a person as the cause',
          '"the engineer failed to" puts the failure on a person',
        ],
      },
      {
        title: 'a team\'s own words',
        options: { extraWords: ['cowboy deploy'] },
        markdown: '## Root Cause\n\nA cowboy deploy on Friday evening.\n',
        messages: ['"cowboy deploy" is on this team\'s list of blaming words'],
      },
    ],
    valid: [
      {
        title: 'systems as subjects, negations, technical terms, code',
        markdown:
          '## Root Cause\n\nThe alert should have fired at 10:05 but its threshold was too high. No one is to blame: the deploy tool allowed an unreviewed change, and the failover failed to start because of the lazy loading of its config. We added a check to reduce the risk of human error. The error budget and Nginx\'s error log are fine.\n\n```\n# careless: should have been caught by CI\n```\n',
      },
    ],
  },
  check({ source, options, report, pieces }) {
    const text = proseOnly(source, pieces());
    for (const hit of findBlame(text, options.extraWords)) {
      report({ message: hit.message, start: hit.start, end: hit.end });
    }
  },
});
