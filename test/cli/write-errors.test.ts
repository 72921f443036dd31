// `new` writes a file; when it cannot (a file in the way, no permission, a read-only disk) that
// is the user's folder, not a bug in Hindsight: one paragraph naming the file and why, exit
// code 2. A file standing where the content folder should be meets the same failure as a
// read-only folder, and does so as root too. (init's own: test/cli/init.test.ts.)
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneParagraph, hindsight, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

describe.concurrent('a postmortem new cannot write', () => {
  it('new: a file where the content folder should be is exit 2, and nothing is written', async () => {
    const root = project({ postmortems: 'not a folder\n' });
    const run = await hindsight(['new', 'Checkout errors', '--date', '2025-03-04'], root);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toContain('cannot write postmortems/2025-03-04-checkout-errors.md: a file stands where a folder of its path should be.');
    expect(run.stdout).toBe('');
    expect(readdirSync(root)).toEqual(['postmortems']);
  });

  it('new: an existing postmortem of that name is still refused as such', async () => {
    const root = project({ 'postmortems/2025-03-04-checkout-errors.md': '# kept\n' });
    const run = await hindsight(['new', 'Checkout errors', '--date', '2025-03-04'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('postmortems/2025-03-04-checkout-errors.md already exists');
  });
});
