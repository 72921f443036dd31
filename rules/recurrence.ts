import path from 'node:path';
import { cosine, exampleArchive, lineRange, linkNodes, localMarkdownTarget, relatedTarget, words, type ArchiveEntry } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

type Options = { threshold: number; maxCandidates: number };

/** Fewer words than this in a root cause are too little to compare. */
const MIN_WORDS = 6;

const EARLIER = md`
  ---
  id: INC-2024-017
  date: 2024-05-21
  services: [checkout-api]
  ---

  # Checkout connection pool exhaustion

  ## Root Cause

  The database connection pool of checkout-api was exhausted: a slow call to the substitutions service was made while each request held its connection, so connections were not returned to the pool and requests queued until they timed out.
`;
const UNRELATED = md`
  ---
  id: INC-2024-030
  date: 2024-08-02
  services: [checkout-api]
  ---

  # Checkout card declines

  ## Root Cause

  An expired client certificate for the card provider made every authorisation fail after the renewal job was disabled in a migration.
`;
const ARCHIVE = { 'postmortems/2024-05-21-checkout-pool.md': EARLIER, 'postmortems/2024-08-02-card-declines.md': UNRELATED };
const AGAIN = md`
  ---
  id: INC-2025-004
  date: 2025-02-11
  services: [checkout-api]
  ---

  # Checkout errors during the sale

  ## Root Cause

  The checkout-api database connection pool was exhausted again: requests held their connection during a slow call to the substitutions service, connections were not returned to the pool, and requests queued until they timed out.
`;

const messages = {
  likeEarlier:
    'This root cause is very like that of an earlier incident on the same service, which this postmortem does not link: {{earlier}}. If it is the same cause, add its id to "related:" and say why the earlier corrective measures did not prevent it; if not, say what differs.',
  likeEarlierOnes:
    'This root cause is very like that of earlier incidents on the same service, which this postmortem does not link: {{earlier}}. If it is the same cause, add their ids to "related:" and say why the earlier corrective measures did not prevent it; if not, say what differs.',
} as const;

export default defineRule<Options, typeof messages>({
  id: 'recurrence',
  description: 'A root cause that repeats an earlier incident on the same service without linking it',
  severity: 'off',
  messages,
  archive: 'root-cause',
  schema: {
    type: 'object',
    properties: {
      threshold: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: 'How similar two root causes must be (cosine similarity of their TF-IDF word and word-pair vectors, 0 to 1) to count as the same cause.',
      },
      maxCandidates: { type: 'integer', minimum: 1, description: 'How many earlier postmortems a finding lists at most (the most similar first).' },
    },
    additionalProperties: false,
  },
  defaults: { threshold: 0.5, maxCandidates: 3 },
  docs: {
    rationale:
      "An incident that happens again is the most expensive kind: the first postmortem's lesson did not stick. When a root cause repeats an earlier one, the new postmortem should say so, link the earlier one, and explain why its corrective measures did not prevent this. The rule compares the root-cause section with those of every earlier postmortem (by incident date) that shares a service (frontmatter `services`) and is not linked either way (`related:` or a link in the body), and lists the ones whose text is very similar. It is deliberately plain and precise rather than clever: a shared service and a high similarity of the words (TF-IDF over words and word pairs, cosine, `threshold`), nothing else. Off by default, since it reads every root cause of the archive (cached).",
    invalid: [
      {
        title: 'the same cause on the same service, not linked',
        fileName: 'postmortems/2025-02-11-checkout-errors.md',
        settings: { archive: exampleArchive(ARCHIVE) },
        markdown: AGAIN,
        expected: `
          9:1-9:14 likeEarlier
        `,
      },
    ],
    valid: [
      {
        title: 'the earlier postmortem is linked in related:',
        fileName: 'postmortems/2025-02-11-checkout-errors.md',
        settings: { archive: exampleArchive(ARCHIVE) },
        markdown: AGAIN.replace('services: [checkout-api]', 'services: [checkout-api]\nrelated: [INC-2024-017]'),
      },
      {
        title: 'the same words on another service',
        fileName: 'postmortems/2025-02-11-checkout-errors.md',
        settings: { archive: exampleArchive(ARCHIVE) },
        markdown: AGAIN.replace('services: [checkout-api]', 'services: [search-api]'),
      },
    ],
  },
  check({ model, tree, options, archive, source, lineStarts, report }) {
    const self = archive.self(model, 'root-cause');
    if (!self.rootCause || self.date === null || self.services.length === 0) return;
    if (words(self.rootCause.text).length < MIN_WORDS) return;
    const services = new Set(self.services.map((s) => s.toLowerCase()));
    const ownFile = path.resolve(model.filePath);

    // What this postmortem links: by related: and by relative links in the body.
    const linked = new Set<string>();
    for (const value of self.related) {
      const target = relatedTarget(value, ownFile, archive);
      if (target !== null && target !== 'file') linked.add(target.filePath);
    }
    for (const { url } of linkNodes(tree)) {
      const target = localMarkdownTarget(url);
      if (target !== null) linked.add(path.resolve(path.dirname(ownFile), target));
    }
    const linksBack = (entry: ArchiveEntry): boolean =>
      entry.related.some((value) => {
        const target = relatedTarget(value, entry.filePath, archive);
        return target !== null && target !== 'file' && target.filePath === ownFile;
      });

    const vector = archive.vector(self);
    const candidates: { entry: ArchiveEntry; shared: string[]; similarity: number }[] = [];
    for (const entry of archive.withServices(self.services)) {
      if (entry.filePath === ownFile || !entry.rootCause || entry.date === null || entry.date >= self.date) continue;
      const shared = entry.services.filter((s) => services.has(s.toLowerCase()));
      if (shared.length === 0 || linked.has(entry.filePath)) continue;
      const similarity = cosine(vector, archive.vector(entry));
      if (similarity < options.threshold || linksBack(entry)) continue;
      candidates.push({ entry, shared, similarity });
    }
    if (candidates.length === 0) return;
    candidates.sort((a, b) => b.similarity - a.similarity || a.entry.filePath.localeCompare(b.entry.filePath));
    const shown = candidates.slice(0, options.maxCandidates).map(({ entry, shared, similarity }) => {
      const name = entry.id ?? archive.display(entry.filePath);
      const title = entry.title ? ` "${entry.title}"` : '';
      const where = entry.id ? `, ${archive.display(entry.filePath)}` : '';
      return `${name}${title} (${entry.date}${where}, ${shared.join(', ')}, ${Math.round(similarity * 100)}% similar)`;
    });
    const more = candidates.length > shown.length ? `; and ${candidates.length - shown.length} more` : '';
    report({
      messageId: candidates.length === 1 ? 'likeEarlier' : 'likeEarlierOnes',
      data: { earlier: `${shown.join('; ')}${more}` },
      ...lineRange(source, lineStarts, self.rootCause.line),
    });
  },
});
