// The presets. `recommended` is every rule at its declared default severity; the others
// start from it and change severities and options.
import type { SeveritySetting } from '../rule.ts';

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?];

const ALX_SECTIONS = ['summary', 'timeline', 'root-cause', 'corrective-measures'];
const GOOGLE_SRE_SECTIONS = ['summary', 'impact', 'root-cause', 'resolution', 'detection', 'corrective-measures', 'lessons-learned', 'timeline'];

export const PRESET_RULES: Record<string, Record<string, RuleSetting>> = {
  recommended: {},
  strict: {
    '*': 'error',
    'required-sections': [
      'error',
      { sections: ['summary', 'impact', 'timeline', 'detection', 'root-cause', 'resolution', 'corrective-measures', 'lessons-learned'] },
    ],
    'action-items': ['error', { requireOwner: true, requireTicket: true, requireDue: true }],
  },
  'google-sre': {
    'required-sections': ['error', { sections: GOOGLE_SRE_SECTIONS }],
    'section-order': ['warn', { order: GOOGLE_SRE_SECTIONS }],
    'action-items': ['warn', { requireOwner: true, requireTicket: true }],
  },
  alx: {
    'required-sections': ['error', { sections: ALX_SECTIONS }],
    'section-order': ['error', { order: ALX_SECTIONS }],
    'word-count': ['error', { min: 400, max: 600 }],
    'frontmatter-schema': 'off',
  },
};

// The review life cycle every preset ships (docs/configuration.md, "Drafts and the review life
// cycle"): overrides selected by the frontmatter's `status`. A draft is work in progress: what
// is not yet written is a warning, so the pre-commit hook lets a team commit it and review it
// together; what is written wrong (a timeline out of order, a secret, blame) stays an error.
// In review, the writing is done and only what the review settles (action items' owners,
// tickets and due dates; impact figures) stays a warning. Published, final or no status: the
// preset as it is. A preset's override only lowers severities: it never turns on a rule
// that is off or raises one (overrides.ts).

/** `status` values (case aside) of a postmortem still being written. */
export const DRAFT_STATUSES = ['draft', 'wip'];
/** `status` values (case aside) of a postmortem written and under review. */
export const IN_REVIEW_STATUSES = ['in-review', 'in review', 'review'];

/** Rules about what a finished postmortem must contain, relaxed to warnings in a draft. */
const NOT_YET_WRITTEN = [
  'frontmatter-schema',
  'required-sections',
  'empty-section',
  'no-placeholder',
  'incident-window',
  'timeline-timestamp',
  'timezone',
  'impact-quantified',
  'action-items',
  'word-count',
];
/** What the review itself settles, still warnings in review. */
const SETTLED_IN_REVIEW = ['action-items', 'impact-quantified'];

const atMostWarn = (ids: readonly string[]): Record<string, RuleSetting> => Object.fromEntries(ids.map((id) => [id, 'warn']));

/** A preset's override: an OverrideConfig (raw-config.ts) of frontmatter values and rule settings only. */
export interface PresetOverride {
  when: Record<string, readonly string[]>;
  rules: Record<string, RuleSetting>;
}

export const LIFE_CYCLE: readonly PresetOverride[] = [
  { when: { status: DRAFT_STATUSES }, rules: atMostWarn(NOT_YET_WRITTEN) },
  { when: { status: IN_REVIEW_STATUSES }, rules: atMostWarn(SETTLED_IN_REVIEW) },
];

/** Each preset's own overrides, applied before the configuration's. */
export const PRESET_OVERRIDES: Record<string, readonly PresetOverride[]> = {
  recommended: LIFE_CYCLE,
  strict: LIFE_CYCLE,
  'google-sre': LIFE_CYCLE,
  alx: LIFE_CYCLE,
};
