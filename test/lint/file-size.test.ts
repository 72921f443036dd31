// No file in src/ or rules/ over 400 lines (issue 16): a file that long has usually grown a
// second idea, and a newcomer reading it cannot tell where one ends. The exceptions are one
// idea each, and say why.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const MAX_LINES = 400;
const ONE_IDEA = new Map([
  // The table of heading spellings and their kinds: data, one row a spelling.
  ['src/core/sections/aliases.ts', 'the alias table'],
]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? files(file) : [file];
  });
}

it(`no file in src/ or rules/ is over ${MAX_LINES} lines but the declared exceptions`, () => {
  const long = [...files('src'), ...files('rules')]
    .filter((file) => !/\.(?:png|svg|ico|woff2?)$/.test(file))
    .map((file) => ({ file: file.split(path.sep).join('/'), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .filter(({ file, lines }) => lines > MAX_LINES && !ONE_IDEA.has(file))
    .map(({ file, lines }) => `${file}: ${lines} lines`);
  expect(long, 'split these by idea, or declare why one is a single idea').toEqual([]);
});

it('each declared exception still exists and is still long', () => {
  for (const file of ONE_IDEA.keys()) expect(readFileSync(file, 'utf8').split('\n').length - 1).toBeGreaterThan(MAX_LINES);
});
