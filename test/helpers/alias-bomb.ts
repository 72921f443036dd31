/**
 * The YAML lines of an alias bomb ("billion laughs"): nine lists of nine aliases to the list
 * before, 9^9 strings (about 387 million) if a parser expanded them, a few hundred bytes as written.
 */
export function aliasBombLines(): string[] {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!;
    lines.push(`${name}: &${name} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  }
  return lines;
}
