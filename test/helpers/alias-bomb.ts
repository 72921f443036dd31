/**
 * The YAML lines of an alias bomb ("billion laughs"): a list of nine strings, then eight lists
 * of nine aliases to the list before: 9^9 strings (387 million) if a parser expanded them, a
 * few hundred bytes as written.
 */
export function aliasBombLines(): string[] {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!;
    const aliases: string[] = Array(9).fill(`*${names[i - 1]}`);
    lines.push(`${name}: &${name} [${aliases.join(',')}]`);
  }
  return lines;
}
