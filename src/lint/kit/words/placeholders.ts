// The words the no-placeholder rule reads, as data (Vale keeps a rule's tokens in a YAML
// list), and what each finding tells the writer. Entries are regular-expression fragments;
// what a space stands for is the rule's choice (kit/text/phrases.ts phraseAlternation).

/** Words that open a bracketed prompt: "[insert root cause]", "<your name>". */
export const PROMPT_VERBS: readonly string[] = [
  'insert',
  'add',
  'enter',
  'describe',
  'replace',
  'fill in',
  'write',
  'your',
  'link to',
  'name of',
  'list of',
  'summary of',
  'brief description',
];

/** What a bracket alone asks for: "[owner]", "[service name]". */
export const PROMPT_NOUNS: readonly string[] = [
  'name',
  'full name',
  'date',
  'time',
  'team',
  'team name',
  'service',
  'service name',
  'owner',
  'link',
  'url',
  'ticket',
  'ticket number',
  'number',
  'title',
  'company',
  'product',
  'system',
  'component',
  'region',
  'duration',
  'author',
  'authors',
  'email',
  'person',
  'impact',
  'details',
  'description',
  'summary',
  'root cause',
  'timestamp',
  'value',
  'customer',
  'incident id',
  'severity',
  'status',
  'dashboard',
  'runbook',
];

/** PROMPT_NOUNS in angle brackets, minus the names of HTML elements (<details>, <summary>, <time>…). */
export const ANGLE_NOUNS: readonly string[] = PROMPT_NOUNS.filter((noun) => !['time', 'link', 'number', 'title', 'details', 'summary'].includes(noun));

/** How a template's guidance opens: an instruction ("Describe how …", "List the …"). */
export const GUIDANCE_VERBS: readonly string[] = [
  'describe',
  'note',
  'list',
  'provide',
  'summari[sz]e',
  'explain',
  'include',
  'outline',
  'document',
  'give',
  'state',
  'identify',
  'enter',
  'insert',
  'write',
  'add',
  'detail',
  'capture',
  'record',
];
/** What the instruction is about ("the", "how", "at least"). */
export const GUIDANCE_OBJECTS: readonly string[] = [
  'the',
  'a',
  'an',
  'any',
  'all',
  'each',
  'how',
  'what',
  'when',
  'who',
  'why',
  'where',
  'which',
  'your',
  'here',
  'this',
  'these',
  'in',
  'briefly',
  'at least',
];
/** "List of things that went well", "List of action items". */
export const GUIDANCE_LISTS: readonly string[] = ['things', 'action', 'items', 'follow', 'what', 'people', 'services'];

/** Column headers where "TODO" stands for a missing value, not for an item's state. */
export const VALUE_HEADERS: readonly string[] = ['owners?', 'assignees?', 'assigned to', 'dri', 'due', 'due date', 'eta', 'deadline', 'date', 'when', 'who'];
/** Words that make the TODO after them a mention ("a TODO", "each TODO"). */
export const MENTION_WORDS: readonly string[] = ['a', 'an', 'the', 'my', 'our', 'your', 'this', 'that', 'each', 'every', 'its', 'their'];

/** What each finding says, by message id: `{{text}}` is what was found, `{{section}}` the section's heading. */
export const PLACEHOLDER_MESSAGES = {
  note: '"{{text}}" is a note left in the text: finish this part and remove it (work still open belongs in an action item with an owner).',
  tbd: 'Replace "{{text}}" with {{what}} or remove it: it is a placeholder left from the template.',
  unknown: 'Replace "{{text}}" with {{what}} or remove it: it is a placeholder left from the template.',
  year: 'Replace "{{text}}" with the actual year: it is a placeholder left from the template.',
  date: 'Replace "{{text}}" with the actual date: it is a placeholder left from the template.',
  time: 'Replace "{{text}}" with the actual time: it is a placeholder left from the template.',
  prompt: 'Replace the template prompt "{{text}}" with {{what}}.',
  variable: 'Fill in the template variable "{{text}}" with {{what}}.',
  filler: 'Replace the filler text "{{text}}" with real content.',
  guidance: 'The {{section}} section holds only the template\'s guidance ("{{text}}"): replace it with what it asks for.',
  notApplicable:
    'The {{section}} section holds only "{{text}}": write what it asks for (even "no customer impact" or "none identified, because …" says something), or remove the heading if your template allows it.',
} as const;

/** `{{what}}` when the context does not name what to write ("the owner", "the due date" when it does). */
export const WHAT_BY_DEFAULT = { tbd: 'the actual content', unknown: 'the actual content', prompt: 'the content it asks for', variable: 'its value' } as const;
