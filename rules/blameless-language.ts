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
  message(match: string): string;
}

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
    gate: /should/i,
    re: new RegExp(String.raw`(?:${PERSON}|\b${SUBJECT_PRONOUN})${S}(?:(?:really|also|definitely|probably|obviously|clearly|simply|just)${S})?(?:should(?:n['’]t|${S}not)?${S}have|should['’]ve)(?=${S}${PAST_PARTICIPLE})`, 'g'),
    message: (m) => `${quote(m)} judges with hindsight: describe what was known and seen at the time, and what would have helped (a check, an alert, a clearer runbook).`,
  },
  {
    // Not "lazy" (lazy loading, lazy quantifiers): in engineering text it is nearly always technical.
    re: /(?<![\w-])(?:careless(?:ly|ness)?|negligen(?:ce|t|tly)|incompeten(?:ce|t|tly)|stupid(?:ity|ly)?|idiot(?:s|ic)?|sloppy|sloppiness|reckless(?:ly|ness)?|foolish(?:ly|ness)?|irresponsib(?:le|ly|ility)|dumb|rookie[ \t]+mistakes?|silly[ \t]+mistakes?)(?![\w-])/gi,
    // "dumb terminal", "sloppy mode", "stupidly easy": technical terms and intensifiers.
    unlessAfter: /^[ \t]*(?:terminals?|pipes?|clients?|switch\w*|mode|quorums?|easy|simple|fast)\b/i,
    // Upper case throughout: licence text ("INCLUDING NEGLIGENCE OR OTHERWISE").
    unlessMatch: /^[A-Z\s]{4,}$/,
    message: (m) => `${quote(m)} judges a person: ${REFRAME_CONDITIONS}.`,
  },
  {
    gate: /blam|fault/i,
    re: new RegExp(String.raw`\b(?:is|are|was|were|be|being)${S}to${S}blame\b|\b[Bb]lam(?:e|ed|es|ing)${S}(?:it${S})?(?:on${S})?${PERSON}|(?:${PERSON}|\b(?:my|his|her|our|your|their))${APOSTROPHE}?s?${S}fault\b|\b[Ff]ault${S}of${S}${PERSON}|${PERSON}${S}(?:was|were|is|are)${S}at${S}fault\b`, 'g'),
    unless: /\b(?:no|not|nobody|no one|never|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|without|don['’]t|didn['’]t|avoid\w*)\W+(?:\w+\W+){0,3}$/i,
    message: (m) => `${quote(m)} assigns blame: describe what happened and what allowed it, not whose fault it was.`,
  },
  {
    // "we failed to account for…" is a team's plain account, not blame on someone.
    gate: /failed/i,
    re: new RegExp(String.raw`(?:${PERSON}|\b(?:[Hh]e|[Ss]he))${S}(?:had${S}|has${S})?failed${S}to\b`, 'g'),
    message: (m) => `${quote(m)} puts the failure on a person: describe what would have made the step hard to miss (a checklist, automation, an alert, a review).`,
  },
  {
    gate: /caused|triggered|introduced|broke|messed|screwed|botched|forgot|neglected|mistyped|overlooked|ignored|accidentally|mistakenly|carelessly/i,
    re: new RegExp(String.raw`\b(?:[Cc]aused|[Tt]riggered|[Ii]ntroduced|[Bb]roken)${S}by${S}(?:${PERSON}|\b(?:me|him|her)\b)|(?:${HANDLE}|\b${NAME}\b)${S}(?:(?:accidentally|mistakenly|carelessly)${S}\w+|broke|messed${S}up|screwed${S}up|botched|forgot|neglected|mistyped|overlooked|ignored|caused)\b|\b${ROLE}${S}(?:messed${S}up|screwed${S}up|botched|forgot|neglected|carelessly${S}\w+)\b`, 'g'),
    message: (m) => `${quote(m)} names a person as the cause: describe the action and what allowed it (the missing review, the unguarded command, the unclear runbook) instead of who did it.`,
  },
  {
    gate: /mistake|error|typo|oversight|blunder|screw|careless|negligen|incompeten/i,
    re: new RegExp(String.raw`(?:${HANDLE}|\b${NAME}\b|\b${ROLE}\b|(?<![/\w])(?:his|her)(?!/))${APOSTROPHE}?s?${S}(?:mistakes?|errors?|typos?|oversights?|blunders?|screw-?ups?|carelessness|negligence|incompetence)\b`, 'g'),
    unlessAfter: /^[ \t]*(?:logs?|messages?|pages?|rates?|codes?|handl\w*|budgets?|output|reporting)\b/i,
    // "learn from their mistakes": a general lesson.
    unless: /\blearn(?:s|ed|t|ing)?[ \t]+from[ \t]+$/i,
    message: (m) => `${quote(m)} names a person as the cause: describe the action and what allowed it (the missing review, the unguarded command, the unclear runbook) instead of who did it.`,
  },
];

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
  for (const check of checks) {
    if (check.gate && !check.gate.test(text)) continue;
    for (const m of text.matchAll(check.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (check.unlessMatch?.test(m[0])) continue;
      // A word in quotes is mentioned, not used: why were they 'careless'?
      if (QUOTES[text[start - 1] ?? ''] !== undefined && QUOTES[text[start - 1]!] === text[end]) continue;
      if (check.unless) {
        const paragraphStart = Math.max(text.lastIndexOf('\n\n', start), text.lastIndexOf('.', start - 1) + 1, start - 80, 0);
        if (check.unless.test(text.slice(paragraphStart, start))) continue;
      }
      if (check.unlessSentence) {
        const sentenceStart = Math.max(text.lastIndexOf('\n\n', start), text.lastIndexOf('. ', start) + 1, start - 300, 0);
        if (check.unlessSentence.test(text.slice(sentenceStart, start))) continue;
      }
      if (check.unlessAfter && check.unlessAfter.test(text.slice(end, end + 30))) continue;
      if (hits.some((h) => h.start < end && start < h.end)) continue;
      hits.push({ start, end, message: check.message(m[0]) });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

export default defineRule<{ extraWords: string[] }>({
  id: 'blameless-language',
  description: 'Blame: "human error" as a cause, "should have", "careless", a person named as the cause',
  severity: 'warn',
  fixable: false,
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
  check({ source, options, report, position, pieces }) {
    const text = proseOnly(source, pieces());
    for (const hit of findBlame(text, options.extraWords)) {
      const start = position(hit.start);
      const end = position(hit.end);
      report({ message: hit.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
    }
  },
});
