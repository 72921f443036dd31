import path from 'node:path';
import { exampleArchive, frontmatterLine, lineRange, linkNodes, localMarkdownTarget, mayLinkMarkdown, relatedTarget } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

const EARLIER = md`
  ---
  id: INC-2024-017
  date: 2024-05-21
  ---

  # Checkout connection pool exhaustion
`;
const ARCHIVE = { 'postmortems/2024-05-21-checkout-pool.md': EARLIER };

const NOT_ANY = '"{{value}}" in related: is not the id, file name or path of any postmortem in the archive: correct it';
const NOT_THERE = 'The link "{{url}}" points at {{target}}, which does not exist: correct it';
const messages = {
  unknownRelated: `${NOT_ANY}, or remove it.`,
  unknownRelatedLike: `${NOT_ANY} (did you mean "{{suggestion}}"?), or remove it.`,
  brokenLink: `${NOT_THERE}, or remove the link.`,
  brokenLinkLike: `${NOT_THERE} (did you mean "{{suggestion}}"?), or remove the link.`,
} as const;

export default defineRule({
  id: 'related-links',
  messages,
  description: 'A link to another postmortem (`related:` in the frontmatter, or a relative link in the body) that points at no file or id',
  severity: 'warn',
  archive: 'index',
  docs: {
    rationale:
      'Links between postmortems are how an archive remembers that an incident happened before: a reader follows them to the earlier analysis and its action items. A link that leads nowhere (a typo in an id, a file renamed or moved) silently breaks that memory. The rule checks each `related:` value against the ids, file names and paths of the archive (the content folder), and each relative link to a `.md` file in the body against the files, also when a hook lints one file alone.',
    invalid: [
      {
        title: 'a related id that no postmortem has, and a link to a moved file',
        fileName: 'postmortems/2025-02-11-checkout-pool-again.md',
        settings: { archive: exampleArchive(ARCHIVE) },
        markdown: md`
          ---
          id: INC-2025-004
          related: [INC-2024-071]
          ---

          # Checkout pool exhaustion, again

          ## Root Cause

          The same pool as in [May](2024/2024-05-21-checkout-pool.md) ran dry.
        `,
        expected: `
          3:1-3:24 unknownRelatedLike
          10:21-10:60 brokenLinkLike
        `,
      },
    ],
    valid: [
      {
        title: 'an id and a relative link that both resolve (web links are not checked)',
        fileName: 'postmortems/2025-02-11-checkout-pool-again.md',
        settings: { archive: exampleArchive(ARCHIVE) },
        markdown: md`
          ---
          id: INC-2025-004
          related:
            - INC-2024-017
          ---

          # Checkout pool exhaustion, again

          See [the first time](./2024-05-21-checkout-pool.md#root-cause) and [the runbook](https://wiki.example/pool).
        `,
      },
    ],
  },
  check({ model, tree, archive, source, lineStarts, report }) {
    const self = archive.self(model);
    const fromFile = path.resolve(model.filePath);
    const dir = path.dirname(fromFile);

    // Without the archive (a caller that lints single documents) ids cannot be checked.
    for (const value of archive.known ? self.related : []) {
      if (relatedTarget(value, fromFile, archive) !== null) continue;
      const suggestion = archive.closestId(value);
      const line = frontmatterLine(model, 'related', value) ?? 1;
      const place = lineRange(source, lineStarts, line);
      report(
        suggestion ? { messageId: 'unknownRelatedLike', data: { value, suggestion }, ...place } : { messageId: 'unknownRelated', data: { value }, ...place },
      );
    }

    if (!mayLinkMarkdown(source)) return;
    for (const { url, node } of linkNodes(tree)) {
      const target = localMarkdownTarget(url);
      if (target === null || !node.position) continue;
      const resolved = path.resolve(dir, target);
      if (archive.hasFile(resolved)) continue;
      const namesake = archive.withStem(path.basename(resolved))[0];
      const suggestion = namesake ? path.relative(dir, namesake.filePath).split(path.sep).join('/') : null;
      const data = { url, target: archive.display(resolved) };
      report(suggestion ? { messageId: 'brokenLinkLike', data: { ...data, suggestion }, node } : { messageId: 'brokenLink', data, node });
    }
  },
});
