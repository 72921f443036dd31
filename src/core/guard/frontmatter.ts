// Where a frontmatter block ends: the guard reads no Markdown in it (it is data).

const FRONTMATTER_OPEN = /^\uFEFF?(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/;

/**
 * Where the frontmatter block ends (after its closing fence's line), or 0 when there is none:
 * as micromark-extension-frontmatter reads it, `---` (YAML) or `+++` (TOML) alone on the first
 * line, closed by the same alone on a line.
 */
export function frontmatterEnd(source: string): number {
  const open = FRONTMATTER_OPEN.exec(source);
  if (open === null) return 0;
  const fence = open[1] === '---' ? '---' : '\\+\\+\\+';
  const close = new RegExp(`(?:^|\\r\\n|\\r|\\n)${fence}[ \\t]*(?:\\r\\n|\\r|\\n|$)`, 'g');
  close.lastIndex = 0;
  const rest = source.slice(open[0].length);
  const found = close.exec(rest);
  return found === null ? 0 : open[0].length + found.index + found[0].length;
}
