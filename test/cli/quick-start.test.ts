// The front page's quick start, run as written in a fresh repository: each `npx hindsight …`
// line of README.md's quick-start snippet succeeds, and the postmortem `new` wrote lints with
// warnings only (a draft). The install line is the package these tests are of.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docSnippet } from '../hooks/helpers.ts';
import { hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

/** The words of a shell line such as `npx hindsight new "Checkout errors"  # comment`, after `npx hindsight`. */
function hindsightWords(line: string): string[] {
  const words = [...line.replace(/\s+#.*$/, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  return words.slice(2);
}

describe("README's quick start", () => {
  it('init, new and lint, as written, succeed in a fresh repository, and the new postmortem is a draft with warnings only', async () => {
    const lines = docSnippet('README.md', 'quick-start')
      .split('\n')
      .filter((line) => line.startsWith('npx hindsight '));
    expect(lines.map((line) => hindsightWords(line)[0])).toEqual(['init', 'new', 'lint']);
    const root = project({});
    for (const line of lines) {
      const run = await hindsight(hindsightWords(line), root);
      expect(run.code, `${line}\n${run.stderr}`).toBe(0);
    }
    const written = readdirSync(path.join(root, 'postmortems'));
    expect(written).toHaveLength(1);
    const lint = await hindsight(['lint', '--format', 'json'], root);
    const [result] = parseJson(lint.stdout);
    expect(result!.filePath).toBe(path.join(root, 'postmortems', written[0]!));
    expect(result!.errorCount).toBe(0);
    expect(result!.warningCount).toBeGreaterThan(0);
  });
});
