// The table behind `classifyHeading` (./classify.ts): which heading names which kind of
// postmortem section. Entries are written as people write them; classify.ts normalises each
// key once, when the module loads (lowercase, "&" → "and", hyphens → spaces, apostrophes and
// tails dropped), so "Follow-ups", "follow ups" and "FOLLOW-UPS:" are one entry.
//
// Sources: the headings of the 250 public postmortems in the shared corpus (most follow the ALX
// "0x19. Postmortem" brief: Issue Summary / Timeline / Root Cause and Resolution / Corrective
// and Preventative Measures), Google's SRE-book template, PagerDuty's and Atlassian's templates.
//
// A combined heading ("Root Cause and Resolution", "Mitigation & Resolution") takes the kind of
// its first part that names one; see classify.ts.

import type { SectionKind } from '../model.ts';

/** Every kind a heading can name; `other` is what the caller gives an unrecognised heading. */
export type KnownSectionKind = Exclude<SectionKind, 'other'>;

export interface SectionAlias {
  /** The heading as people write it. */
  alias: string;
  kind: KnownSectionKind;
  /** Why, for an entry that could be read more than one way. */
  note?: string;
}

const a = (alias: string, kind: KnownSectionKind, note?: string): SectionAlias => (note === undefined ? { alias, kind } : { alias, kind, note });

export const SECTION_ALIASES: readonly SectionAlias[] = [
  // ── summary ─────────────────────────────────────────────────────────────────────────────
  a('Summary', 'summary'),
  a('Issue Summary', 'summary'),
  a('Incident Summary', 'summary'),
  a('Executive Summary', 'summary'),
  a('Summary of the Incident', 'summary'),
  a('Overview', 'summary'),
  a('Incident Overview', 'summary'),
  a('TL;DR', 'summary'),
  a('Synopsis', 'summary'),
  a('Abstract', 'summary'),
  a('Problem Statement', 'summary'),
  a('What happened', 'summary', 'a narrative of the incident; the corpus uses it for the summary'),
  a('Description', 'summary', 'in a postmortem this describes the incident (corpus: "Description" of an exploit)'),
  a('Incident Description', 'summary'),

  // ── impact ──────────────────────────────────────────────────────────────────────────────
  a('Impact', 'impact'),
  a('Impacts', 'impact'),
  a('Customer Impact', 'impact'),
  a('User Impact', 'impact'),
  a('End User Impact', 'impact'),
  a('Business Impact', 'impact'),
  a('Impact Assessment', 'impact'),
  a('Impact Analysis', 'impact'),
  a('Scope of Impact', 'impact'),
  a('Blast Radius', 'impact'),
  a('Affected Services', 'impact'),
  a('Affected Systems', 'impact'),
  a('Affected Users', 'impact'),
  a('Who was affected', 'impact'),

  // ── timeline ────────────────────────────────────────────────────────────────────────────
  a('Timeline', 'timeline'),
  a('Time Line', 'timeline'),
  a('Timelines', 'timeline'),
  a('Timeline of Events', 'timeline'),
  a('Incident Timeline', 'timeline'),
  a('Events Timeline', 'timeline'),
  a('Chronology', 'timeline'),
  a('Sequence of Events', 'timeline'),
  a('Events', 'timeline', 'as a section name it is the list of what happened when'),
  a('Event Log', 'timeline'),
  a('Incident Sequence', 'timeline'),
  a('Sequence', 'timeline'),
  a('Timeline of the Incident', 'timeline'),
  a('Establishing the Timeline', 'timeline'),
  a('Debugging Process', 'timeline', 'corpus: a dated step-by-step account of the investigation, in files with no other timeline'),
  a('Debugging Steps', 'timeline', 'same as "Debugging Process"'),

  // ── detection ───────────────────────────────────────────────────────────────────────────
  a('Detection', 'detection'),
  a('Discovery', 'detection', 'how the problem was first noticed (corpus: "Discovery, Investigation, and Resolution")'),
  a('Detection Method', 'detection'),
  a('Detection Time', 'detection'),
  a('How was it detected', 'detection'),
  a('How we found out', 'detection'),

  // ── root cause ──────────────────────────────────────────────────────────────────────────
  a('Root Cause', 'root-cause'),
  a('Root Causes', 'root-cause'),
  a('Root Cause and Resolution', 'root-cause', 'interface contract: a combined heading takes its first kind'),
  a('Root Cause Analysis', 'root-cause'),
  a('RCA', 'root-cause'),
  a('Root Cause Identification', 'root-cause'),
  a('Root Cause Identification: The Five Whys', 'root-cause'),
  a('Blameless Root Cause', 'root-cause'),
  a('Five Whys', 'root-cause'),
  a('5 Whys', 'root-cause'),
  a('Whys', 'root-cause', 'what is left of "5 Whys" once the number is read as numbering'),
  a('Cause', 'root-cause'),
  a('Causes', 'root-cause'),
  a('Underlying Cause', 'root-cause'),
  a('Contributing Factors', 'root-cause'),
  a('Contributing Causes', 'root-cause'),
  a('Fault', 'root-cause', 'PagerDuty/Atlassian: what failed to work as expected'),
  a('Why did it happen', 'root-cause'),
  a('Summation', 'root-cause', 'corpus: a widely copied template uses it for "in short, a typo …, patch was …" (cause and fix)'),

  // ── resolution ──────────────────────────────────────────────────────────────────────────
  a('Resolution', 'resolution'),
  a('Resolution and Recovery', 'resolution'),
  a('Recovery', 'resolution', 'PagerDuty/Atlassian: how and when service was restored'),
  a('Response', 'resolution', 'PagerDuty/Atlassian: who responded and what they did to end the incident'),
  a('Incident Response', 'resolution'),
  a('Mitigation', 'resolution', 'what stopped the bleeding; prevention comes under corrective measures'),
  a('Mitigations', 'resolution'),
  a('Fix', 'resolution'),
  a('Fixes', 'resolution'),
  a('Solution', 'resolution'),
  a('Solutions', 'resolution'),
  a('Workaround', 'resolution'),
  a('Restoration', 'resolution'),
  a('How we fixed it', 'resolution'),
  a('What has been done', 'resolution'),

  // ── corrective measures ─────────────────────────────────────────────────────────────────
  a('Corrective and Preventative Measures', 'corrective-measures'),
  a('Corrective and Preventive Measures', 'corrective-measures'),
  a('Corrective and Preventative Measure', 'corrective-measures'),
  a('Corrective and Preventing Measures', 'corrective-measures'),
  a('Corrective Measures', 'corrective-measures'),
  a('Preventative Measures', 'corrective-measures'),
  a('Preventive Measures', 'corrective-measures'),
  a('Prevention Measures', 'corrective-measures'),
  a('Future Measures', 'corrective-measures'),
  a('Corrective Actions', 'corrective-measures'),
  a('Preventive Actions', 'corrective-measures'),
  a('Preventative Actions', 'corrective-measures'),
  a('Corrective Actions with Owners', 'corrective-measures'),
  a('Action Items', 'corrective-measures'),
  a('Action Plan', 'corrective-measures'),
  a('Follow-ups', 'corrective-measures'),
  a('Follow-up', 'corrective-measures'),
  a('Follow-up Actions', 'corrective-measures'),
  a('Follow-up Tasks', 'corrective-measures'),
  a('Resulting Action', 'corrective-measures'),
  a('Resulting Actions', 'corrective-measures'),
  a('Mitigation and Preventive Measures', 'corrective-measures', 'the measures, not the mitigation of the incident itself'),
  a('Mitigation and Preventative Measures', 'corrective-measures', 'same as "Mitigation and Preventive Measures"'),
  a('Root Cause Remediations', 'corrective-measures', 'remediations of the root cause: what is changed afterwards'),
  a('What is being done about this', 'corrective-measures'),
  a('Follow-up Items', 'corrective-measures'),
  a('Followups', 'corrective-measures'),
  a('Remediation', 'corrective-measures', 'interface contract (what is changed afterwards, not the fix itself)'),
  a('Remediations', 'corrective-measures'),
  a('Remediation Items', 'corrective-measures'),
  a('Prevention', 'corrective-measures'),
  a('Next Steps', 'corrective-measures'),
  a('To Do', 'corrective-measures'),
  a('To-do List', 'corrective-measures'),
  a('Todo', 'corrective-measures'),
  a('Tasks', 'corrective-measures', 'ALX brief: "Tasks to address the issue"; a README\'s project "Tasks" reads the same, alas'),
  a('Task List', 'corrective-measures'),
  a('Tasks to address the issue', 'corrective-measures'),
  a('Improvements', 'corrective-measures'),
  a('Improvements/Fixes', 'corrective-measures'),
  a('Improvements and Fixes', 'corrective-measures'),
  a('Improvements to be made', 'corrective-measures'),
  a('Future Improvements', 'corrective-measures'),
  a('Areas for Improvement', 'corrective-measures'),
  a('Improvement Areas', 'corrective-measures'),
  a('Recommendations', 'corrective-measures'),
  a('Future Work', 'corrective-measures'),
  a("What we're doing about it", 'corrective-measures'),

  // ── lessons learned ─────────────────────────────────────────────────────────────────────
  a('Lessons Learned', 'lessons-learned'),
  a('Lessons Learnt', 'lessons-learned'),
  a('Lessons', 'lessons-learned'),
  a('Learnings', 'lessons-learned'),
  a('Learning', 'lessons-learned'),
  a('Takeaways', 'lessons-learned'),
  a('What went well', 'lessons-learned', 'Google SRE template: a part of "Lessons Learned"'),
  a('What went wrong', 'lessons-learned', 'Google SRE template: a part of "Lessons Learned" (the cause has its own section)'),
  a('What went badly', 'lessons-learned'),
  a('Where we got lucky', 'lessons-learned', 'Google SRE template: a part of "Lessons Learned"'),
  a('Where did we get lucky', 'lessons-learned'),
  a('What we learned', 'lessons-learned'),
  a('Retrospective', 'lessons-learned'),
  a('Retro', 'lessons-learned'),
  a('Reflections', 'lessons-learned'),
];

/**
 * Names of sections that exist in postmortems but are none of the kinds: `classifyHeading`
 * returns null for them (the caller makes them `other` sections). They are listed so that a
 * combined heading with one of them ("Conclusion and Next Steps", "Investigation and Resolution")
 * still resolves to the part that names a kind.
 */
export const UNCLASSIFIED_SECTIONS: readonly { alias: string; note?: string }[] = [
  { alias: 'Conclusion', note: 'corpus: a closing paragraph that restates cause, fix and plans at once; no one kind' },
  { alias: 'Conclusions' },
  { alias: 'Closing Notes' },
  { alias: 'Introduction', note: 'framing text before the postmortem proper' },
  { alias: 'Background' },
  { alias: 'Background Context' },
  { alias: 'Context' },
  { alias: 'Leadup', note: 'PagerDuty/Atlassian: circumstances before the fault; background, the template has its own Root Cause' },
  { alias: 'Lead-up' },
  { alias: 'Investigation', note: 'corpus: sometimes the chronology, sometimes the analysis; too mixed to pick one' },
  { alias: 'Escalation', note: 'ALX brief: one point of the timeline' },
  { alias: 'Actions Taken', note: 'ALX brief: one point of the timeline (investigation steps)' },
  // The ALX brief's prompts for the timeline: the corpus writes them as plain lines inside the
  // timeline, each followed by timestamped entries, so they must not end the timeline section.
  // ("How was it detected", "How did we detect it" still name detection.)
  { alias: 'When was the issue detected', note: 'ALX brief: a prompt inside the timeline' },
  { alias: 'How was the issue detected', note: 'ALX brief: a prompt inside the timeline' },
  { alias: 'How the incident was resolved', note: 'ALX brief: a prompt inside the timeline' },
  { alias: 'Which team/individuals was the incident escalated to' },
  { alias: 'Misleading investigation/debugging paths that were taken' },
  { alias: 'Misleading investigation/debugging paths' },
  { alias: 'Misleading Paths' },
  { alias: 'Misleading Investigation Paths' },
  { alias: 'Duration', note: 'a fact of the summary, not a section of its own' },
  { alias: 'Severity' },
  { alias: 'Status' },
  { alias: 'Date' },
  { alias: 'Details' },
  { alias: 'Incident Details' },
  { alias: 'Supporting Information', note: 'Google SRE template: appendix material' },
  { alias: 'Supporting Documents' },
  { alias: 'Related Records' },
  { alias: 'Backlog Check', note: 'Atlassian: a question about existing tickets, not the plan itself' },
  { alias: 'Recurrence' },
  { alias: 'Appendix' },
  { alias: 'References' },
  { alias: 'Resources' },
  { alias: 'Author' },
  { alias: 'Authors' },
  { alias: 'Owner' },
  { alias: 'Attendees' },
  { alias: 'Participants' },
  { alias: 'Glossary' },
  { alias: 'Definitions' },
  { alias: 'Notes' },
  { alias: 'Additional Notes' },
  { alias: 'Open Questions' },
  { alias: 'Q&A' },
  { alias: 'FAQ' },
  { alias: 'Table of Contents' },
  { alias: 'Requirements' },
  { alias: 'License' },
  { alias: 'Postmortem' },
  { alias: 'Post-mortem' },
];

/**
 * Words that may stand before a section name without changing it: "The Impact",
 * "Incident Timeline", "Issue Detection", "Detailed Root Cause Analysis".
 * Multi-word entries are matched as a whole.
 */
export const LEADING_MODIFIERS: readonly string[] = [
  'the',
  'our',
  'a',
  'an',
  'my',
  'incident',
  'issue',
  'outage',
  'problem',
  'event',
  'postmortem',
  'post mortem',
  'detailed',
  'brief',
  'full',
  'short',
  'quick',
  'initial',
  'final',
  'technical',
  'overall',
  'primary',
  'main',
  'key',
  'high level',
  'service',
  'system',
  'server',
  'security',
  'long term',
  'short term',
  'immediate',
  'proposed',
  'planned',
  'specific',
  'suggested',
];

/** Words that may follow a section name without changing it: "Resolution Steps", "Impact Assessment". */
export const TRAILING_MODIFIERS: readonly string[] = [
  'detail',
  'details',
  'explanation',
  'analysis',
  'assessment',
  'overview',
  'summary',
  'section',
  'steps',
  'process',
  'method',
  'methods',
  'notes',
  'report',
  'plan',
  'review',
  'evaluation',
];

/**
 * Section names distinctive enough to keep their meaning after any short qualifier
 * ("Horror Timeline", "Productivity Impact") or before a prepositional tail
 * ("Timeline of Chaos", "Impact on Users", "Root Cause of the Outage").
 */
export const QUALIFIABLE: readonly string[] = [
  'summary',
  'impact',
  'timeline',
  'chronology',
  'detection',
  'discovery',
  'cause',
  'causes',
  'root cause',
  'root causes',
  'root cause analysis',
  'root cause and resolution',
  'rca',
  'resolution',
  'mitigation',
  'recovery',
  'remediation',
  'action items',
  'corrective actions',
  'corrective measures',
  'preventive measures',
  'preventative measures',
  'corrective and preventative measures',
  'corrective and preventive measures',
  'prevention',
  'lessons learned',
  'lessons learnt',
  'learnings',
  'takeaways',
  'follow ups',
];

/**
 * Words that show a text is a sentence rather than a name: a qualifier or tail holding one
 * of them disqualifies the text ("The timeline of the fix was short").
 */
export const SENTENCE_WORDS: readonly string[] = [
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'went',
  'took',
  'caused',
  'i',
  'we',
  'you',
  'he',
  'she',
  'it',
  'they',
  'this',
  'that',
  'these',
  'those',
  'not',
  'no',
  'because',
  'when',
  'then',
  'so',
  'if',
];

/** Canonical heading per kind, used by `--fix` and by the `new` template. */
export const CANONICAL_HEADINGS: Readonly<Record<SectionKind, string>> = {
  summary: 'Summary', // Google SRE, PagerDuty and Atlassian all say "Summary"
  impact: 'Impact',
  timeline: 'Timeline',
  detection: 'Detection',
  'root-cause': 'Root Cause', // singular: the common usage (Google's template says "Root Causes")
  resolution: 'Resolution',
  // The kind's own name, the interface contract's first spelling and the corpus majority;
  // "Action Items" (Google SRE) is recognised too.
  'corrective-measures': 'Corrective and Preventative Measures',
  'lessons-learned': 'Lessons Learned',
  other: 'Other',
};
