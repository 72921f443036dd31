// The words the blameless-language rule reads, as data (Vale keeps an `existence` rule's
// tokens in a YAML list). Entries are regular-expression fragments, as Vale's tokens are; what
// a space in an entry stands for is the rule's choice (kit/text/phrases.ts phraseAlternation).

/**
 * Common first names, for "Ana broke" and "John's mistake". Names that are also common words
 * or product names (Will, Mark, Grace, Ruby, Jenkins…) are left out.
 */
export const FIRST_NAMES: readonly string[] = [
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

/** Roles a person is named by ("the on-call engineer", "an intern"). */
export const ROLE_NOUNS: readonly string[] = [
  'engineers?', 'developers?', 'devs?', 'operators?', 'admins?', 'administrators?', 'sysadmins?', 'SREs?', 'on-?call(?: engineers?)?', 'interns?',
  'contractors?', 'employees?', 'technicians?', 'programmers?', 'testers?', 'analysts?', 'team members?', 'teammates?', 'colleagues?', 'new hires?',
  'juniors?', 'human', 'humans', 'person', 'somebody', 'someone',
];

/** The last word of each role (keep in step with ROLE_NOUNS): a stretch without one holds no role. */
export const ROLE_LAST_WORDS: readonly string[] = [
  ...'engineer developer dev operator admin administrator sysadmin SRE intern contractor employee technician programmer tester analyst member teammate colleague hire junior'
    .split(' ')
    .flatMap((noun) => [noun, `${noun}s`]),
  ...['call', 'oncall', 'human', 'humans', 'person', 'somebody', 'someone', 'Somebody', 'Someone'],
];

/** Words before a role that make it one person ("the", "our", "another"). */
export const ROLE_DETERMINERS: readonly string[] = ['[Tt]he', '[Aa]n?', '[Oo]ur', '[Mm]y', '[Tt]heir', '[Hh]is', '[Hh]er', '[Tt]hat', '[Tt]his', '[Oo]ne', '[Aa]nother'];

/**
 * Past participles after "should have": hindsight ("should have tested / been / known"), unlike
 * a need ("should have a runbook"). Words ending in "ed" count too.
 */
export const HINDSIGHT_PARTICIPLES: readonly string[] = [
  'been', 'known', 'done', 'gone', 'seen', 'made', 'caught', 'taken', 'given', 'written', 'run', 'set', 'put', 'told', 'sent', 'spent', 'built',
  'kept', 'left', 'read', 'found', 'thought', 'brought', 'got', 'gotten', 'had', 'understood', 'shown', 'stopped',
];

/**
 * Words that judge a person, with their inflections. Not "lazy" (lazy loading, lazy
 * quantifiers): in engineering text it is nearly always technical.
 */
export const JUDGEMENT_WORDS: readonly string[] = [
  'careless(?:ly|ness)?', 'negligen(?:ce|t|tly)', 'incompeten(?:ce|t|tly)', 'stupid(?:ity|ly)?', 'idiot(?:s|ic)?', 'sloppy', 'sloppiness',
  'reckless(?:ly|ness)?', 'foolish(?:ly|ness)?', 'irresponsib(?:le|ly|ility)', 'dumb', 'rookie mistakes?', 'silly mistakes?',
];
/** The start of each judgement word: where the search for them begins. */
export const JUDGEMENT_STEMS: readonly string[] = ['careless', 'negligen', 'incompeten', 'stupid', 'idiot', 'slopp', 'reckless', 'foolish', 'irresponsib', 'dumb', 'rookie', 'silly'];
/** Words after a judgement word that make it a technical term or an intensifier ("dumb terminal", "stupidly easy"). */
export const JUDGEMENT_TECHNICAL_AFTER: readonly string[] = ['terminals?', 'pipes?', 'clients?', 'switch\\w*', 'mode', 'quorums?', 'easy', 'simple', 'fast'];

/** What a person did, named as the cause ("Ana broke", "@li accidentally deleted"). */
export const CAUSING_VERBS: readonly string[] = ['(?:accidentally|mistakenly|carelessly) \\w+', 'broke', 'messed up', 'screwed up', 'botched', 'forgot', 'neglected', 'mistyped', 'overlooked', 'ignored', 'caused'];
/** What a role did, named as the cause ("the intern forgot"). */
export const ROLE_CAUSING_VERBS: readonly string[] = ['messed up', 'screwed up', 'botched', 'forgot', 'neglected', 'carelessly \\w+'];
/** A person's mistake ("John's mistake", "her typo"). */
export const MISTAKE_NOUNS: readonly string[] = ['mistakes?', 'errors?', 'typos?', 'oversights?', 'blunders?', 'screw-?ups?', 'carelessness', 'negligence', 'incompetence'];
/** Words after "error" or "mistake" that make it a thing, not a person's act ("error log", "error budget"). */
export const MISTAKE_THING_AFTER: readonly string[] = ['logs?', 'messages?', 'pages?', 'rates?', 'codes?', 'handl\\w*', 'budgets?', 'output', 'reporting'];

/** Words before "human error" that make it something to prevent, not a cause ("to reduce the risk of human error"). */
export const HUMAN_ERROR_PREVENTED_BY: readonly string[] = [
  'reduc\\w*', 'prevent\\w*', 'avoid\\w*', 'eliminat\\w*', 'minimi[sz]\\w*', 'mitigat\\w*', 'lower\\w*', 'limit\\w*', 'chances?', 'risks?', 'possibility',
  'likelihood', 'room', 'prone', 'susceptible', 'guard\\w*', 'protect\\w*', 'against', 'without', 'not', 'no', 'less', 'remov\\w*', 'fewer', 'automat\\w*',
];
/** Words that open a general list of what can go wrong ("such as bugs, traffic spikes and human error"). */
export const GENERAL_LIST_OPENERS: readonly string[] = [
  'rang\\w*[ \\t]+(?:of|from)', 'various', 'such as', 'including', 'e\\.g\\.', 'for example', 'factors', 'kinds of', 'types of', 'sources of', 'causes? (?:like|such)',
];
/** Negations before "blame" or "fault" ("no one is to blame", "not about whose fault"). */
export const BLAME_NEGATIONS: readonly string[] = ['no', 'not', 'nobody', 'no one', 'never', "isn['’]t", "wasn['’]t", "aren['’]t", "weren['’]t", 'without', "don['’]t", "didn['’]t", 'avoid\\w*'];

/** What to write instead, shared by the messages. */
const REFRAME_CONDITIONS = 'describe what made the mistake possible instead (the missing check, the confusing UI, the unsafe default, the time pressure)';
const REFRAME_ACTION = 'describe the action and what allowed it (the missing review, the unguarded command, the unclear runbook) instead of who did it';

/** What each finding says, by message id: `{{phrase}}` is the phrase found, its whitespace one space. */
export const BLAME_MESSAGES = {
  humanError: `"{{phrase}}" names people as the cause: ${REFRAME_CONDITIONS}, and what will catch it next time.`,
  hindsight: '"{{phrase}}" judges with hindsight: describe what was known and seen at the time, and what would have helped (a check, an alert, a clearer runbook).',
  judgement: `"{{phrase}}" judges a person: ${REFRAME_CONDITIONS}.`,
  blame: '"{{phrase}}" assigns blame: describe what happened and what allowed it, not whose fault it was.',
  failedTo: '"{{phrase}}" puts the failure on a person: describe what would have made the step hard to miss (a checklist, automation, an alert, a review).',
  namedCause: `"{{phrase}}" names a person as the cause: ${REFRAME_ACTION}.`,
  personsMistake: `"{{phrase}}" names a person as the cause: ${REFRAME_ACTION}.`,
  teamWord: `"{{phrase}}" is on this team's list of blaming words: ${REFRAME_CONDITIONS}.`,
} as const;
