import { defineRule } from '../src/lint/rule.ts';

// The engine does this rule's work (src/lint/engine.ts, `applyDirectives`): only it knows
// which findings each directive suppressed. While this rule is active, the engine reports
// unknown rule ids in directives and directives that disabled nothing, under this rule's id
// and severity.
export default defineRule({
  id: 'directives',
  description: 'An inline directive that names an unknown rule or disables nothing',
  severity: 'warn',
  docs: {
    rationale:
      'A `<!-- hindsight-disable… -->` comment is an exception someone had to justify. One that names a rule that does not exist (a typo, a renamed rule) silences nothing while looking as if it did, and one that no longer suppresses any finding (the text was fixed since) hides the next real problem on that line. Both are reported so exceptions stay few and true. `hindsight-enable` comments are never reported; text in code or inline code is not a directive.',
    invalid: [
      {
        title: 'an unknown rule id',
        markdown: '## Timeline (all times UTC)\n\n<!-- hindsight-disable-next-line timeline-ordre -->\n- 10:00 Alert fired\n',
        messages: ['Unknown rule "timeline-ordre" in a hindsight-disable-next-line directive'],
      },
      {
        title: 'a disable-next-line that disables nothing: the entries are in order',
        markdown:
          '## Timeline (all times UTC)\n\n- 10:00 Alert fired\n<!-- hindsight-disable-next-line timeline-order -- the log was late -->\n- 10:20 Rollback started\n',
        messages: ['This hindsight-disable-next-line directive disabled nothing (no finding of timeline-order on line 5): remove it.'],
      },
    ],
    valid: [
      {
        title: 'ordinary comments and directives quoted as code',
        markdown:
          '## Timeline (all times UTC)\n\n<!-- reviewed by the SRE team -->\n- 10:00 Alert fired\n\nTo silence a rule write `<!-- hindsight-disable-next-line timeline-order -->` above the line.\n',
      },
    ],
  },
  check() {
    // Reported by the engine; see above.
  },
});
