// The archive of postmortems the cross-file rules read: entry.ts (one postmortem's entry, with
// body-scan.ts), archive.ts (the Archive and its lookups), similarity.ts (root-cause terms),
// links.ts (links between postmortems), findings.ts (the rules' messages and positions).
export { Archive, exampleArchive, normalisedAliases, relatedTarget, titleKey } from './archive.ts';
export { indexEntry, type ArchiveEntry, type ArchiveNeed, type RootCauseText } from './entry.ts';
export { frontmatterLine, lineRange, listPaths } from './findings.ts';
export { linkNodes, localMarkdownTarget, mayLinkMarkdown } from './links.ts';
export { cosine, termCounts, words, type TermVector } from './similarity.ts';
