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
