/**
 * Headings of the second half of a postmortem as teams write them: the recovery, the
 * follow-up work and what was learned. Generated postmortems take their sections from these.
 */
export const LATER_SECTION_HEADINGS: readonly string[] = [
  'Resolution',
  'Resolution and Recovery',
  'Corrective and Preventative Measures',
  'Action Items',
  'Follow-ups',
  'Remediation',
  'Lessons Learned',
];
