import path from 'node:path';
import { exampleArchive, frontmatterLine, lineRange, listPaths, type ArchiveEntry } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

const DB_OUTAGE = md`
  ---
  id: INC-7
  date: 2024-03-02
  ---

  # Database outage

  ## Summary

  The primary database was down.
`;

const messages = {
  sameId:
    'The id "{{id}}" is also the id of {{others}}: give each postmortem its own id (a copied template often keeps the old one), and link the other in "related:" if they are about the same incident.',
  sameTitleAndDate:
    '{{others}} {{has}} the same title ("{{title}}") and date ({{date}}), and neither has an id: if they describe one incident, merge them into one postmortem; otherwise give each an "id" in its frontmatter.',
} as const;

export default defineRule({
  id: 'unique-id',
  messages,
  description: 'Two postmortems with the same id (or, without ids, the same title and date)',
  severity: 'error',
  archive: 'index',
  docs: {
    rationale:
      'An id names one incident: links (`related:`), tickets and the archive site find a postmortem by it, and two postmortems with one id make every such link ambiguous. A copied template often keeps the previous id. Without ids, two postmortems with the same title and the same date are most likely the same incident written up twice. The rule compares the postmortem with every other one of the archive (the content folder), also when a hook lints that one file alone: the others are read from a cached index of their frontmatter.',
    invalid: [
      {
        title: 'an id another postmortem already has',
        fileName: 'postmortems/2024-05-10-cache-outage.md',
        settings: { archive: exampleArchive({ 'postmortems/2024-03-02-database-outage.md': DB_OUTAGE }) },
        markdown: md`
          ---
          id: INC-7
          date: 2024-05-10
          ---

          # Cache outage

          ## Summary

          The cache was down.
        `,
        expected: `
          2:1-2:10 sameId
        `,
      },
      {
        title: 'no ids, and the same title and date as another postmortem',
        fileName: 'postmortems/2024-03-02-db-outage-copy.md',
        settings: { archive: exampleArchive({ 'postmortems/2024-03-02-db.md': '---\ndate: 2024-03-02\n---\n\n# Database outage\n' }) },
        markdown: md`
          ---
          date: 2024-03-02
          ---

          # Database Outage

          ## Summary

          The primary database was down.
        `,
        expected: `
          5:1-5:18 sameTitleAndDate
        `,
      },
    ],
    valid: [
      {
        title: 'ids of their own',
        fileName: 'postmortems/2024-05-10-cache-outage.md',
        settings: { archive: exampleArchive({ 'postmortems/2024-03-02-database-outage.md': DB_OUTAGE }) },
        markdown: md`
          ---
          id: INC-8
          date: 2024-05-10
          ---

          # Cache outage

          ## Summary

          The cache was down.
        `,
      },
      {
        title: 'the same title on another day',
        fileName: 'postmortems/2024-06-01-db.md',
        settings: { archive: exampleArchive({ 'postmortems/2024-03-02-db.md': '---\ndate: 2024-03-02\n---\n\n# Database outage\n' }) },
        markdown: md`
          ---
          date: 2024-06-01
          ---

          # Database outage
        `,
      },
    ],
  },
  check({ model, archive, source, lineStarts, report }) {
    const self = archive.self(model);
    const own = path.resolve(model.filePath);
    const others = (entries: readonly ArchiveEntry[]): string[] =>
      entries
        .filter((entry) => entry.filePath !== own)
        .map((entry) => archive.display(entry.filePath))
        .sort();

    if (self.id !== null) {
      const clashes = others(archive.withId(self.id));
      if (clashes.length === 0) return;
      const line = frontmatterLine(model, 'id') ?? 1;
      report({
        messageId: 'sameId',
        data: { id: self.id, others: listPaths(clashes) },
        ...lineRange(source, lineStarts, line),
      });
      return;
    }
    if (self.title === null || self.date === null) return;
    const twins = others(archive.withTitleAndDate(self.title, self.date));
    if (twins.length === 0) return;
    const line = frontmatterLine(model, 'title') ?? model.titleLine ?? 1;
    report({
      messageId: 'sameTitleAndDate',
      data: { others: listPaths(twins), has: twins.length === 1 ? 'has' : 'have', title: self.title, date: self.date },
      ...lineRange(source, lineStarts, line),
    });
  },
});
