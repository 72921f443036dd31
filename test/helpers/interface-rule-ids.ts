/**
 * The rule ids of ../shared/interfaces.md's table, which outside checks call exactly as
 * written: a rule may be added, never renamed or removed.
 */
export const INTERFACE_RULE_IDS: readonly string[] = [
  'required-sections',
  'empty-section',
  'duplicate-section',
  'section-order',
  'frontmatter-schema',
  'timeline-order',
  'timeline-timestamp',
  'timeline-in-window',
  'incident-window',
  'duration-mismatch',
  'timezone',
  'date-consistency',
  'impact-quantified',
  'action-items',
  'no-placeholder',
  'blameless-language',
  'no-secrets',
  'no-pii',
];
