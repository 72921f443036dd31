// The rule kit: everything a rule in rules/ needs besides the model (src/core) and
// `defineRule` (../rule.ts). Rules import from here only, so a helper can move without
// touching them. The helpers themselves live beside this file, except the archive and the
// secret scanner, which the lint run and publishing also use and so keep their own folders.
export { hasFigure, figureIn } from './figures.ts';
export { endInstant, isOvernight } from './overnight.ts';
export { countWords, sectionPieces, textPieces, type TextPiece } from './prose.ts';
export {
  bodyProse,
  effectiveDepths,
  headingEnd,
  headingName,
  isCombinedHeading,
  namedKinds,
  parents,
  sectionStructure,
  type SectionStructure,
  type SectionUnit,
} from './sections.ts';
export { clockAt, showTime, zoneLabel } from './time-display.ts';
export { allowMatcher, mask } from './text/mask.ts';
export { CharIndex, countAtMost, firstAtLeast, Lines, newlineStarts } from './text/positions.ts';
export {
  escapeRegExp,
  holdsWord,
  opensWithPhrase,
  PARAGRAPH_SPACE,
  phraseAlternation,
  phraseSearch,
  type PhraseHit,
  type PhraseSearchOptions,
} from './text/phrases.ts';
export { clauseStart, containing, CoveredRanges, insideParentheses, isQuoted, proseText, stripMarkup } from './text/context.ts';
export { matchesNear, nearSearch, type Near, type NearSearch } from './text/near.ts';
export { AnchorScan, defineAnchors, proseAnchors, sourceAnchors, type Anchors, type AnchorText } from './text/anchors.ts';
export { JoinedPieces, type PieceMatch } from './text/joined.ts';
export { describeLabel, labelBefore, LineContext, wordBeforeBlanks } from './text/lines.ts';
export { TodoReading, type TodoPlace } from './text/todo.ts';
export { frontmatterText, htmlTexts, TableCellIndex, tableCells, type Cell, type SourceText } from './text/regions.ts';
export * as BLAME from './words/blame.ts';
export * as PLACEHOLDERS from './words/placeholders.ts';
export * as PERSONAL_DATA from './words/personal-data.ts';
export {
  cosine,
  exampleArchive,
  frontmatterLine,
  lineRange,
  linkNodes,
  listPaths,
  localMarkdownTarget,
  mayLinkMarkdown,
  relatedTarget,
  words,
  type ArchiveEntry,
} from '../archive/index.ts';
export { findSecrets } from '../secrets/find.ts';
export { maskedValue } from '../secrets/scan.ts';
