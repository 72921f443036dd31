// Text from documents, file names and configurations on its way to a terminal or a runner's
// log (src/report/terminal.ts, src/report/runner.ts). test/cli/hostile-output.test.ts runs
// the same through every command and format.
import { describe, expect, it } from 'vitest';
import { defuseCommands, stopCommands, underGithubActions } from '../../src/report/runner.ts';
import { visible, visibleLine } from '../../src/report/terminal.ts';
import { readAsRunner } from '../helpers/workflow-commands.ts';

describe('visibleLine', () => {
  it('writes every C0 and C1 control, DEL and bidi control as a visible escape, on one line', () => {
    expect(visibleLine('a\u001b[2Jb\u0007c\u009bd\u007fe')).toBe('a\\x1b[2Jb\\x07c\\x9bd\\x7fe');
    expect(visibleLine('one\ntwo\r\tthree')).toBe('one\\ntwo\\r\\tthree');
    expect(visibleLine('abc\u202edcba')).toBe('abc\\u202edcba');
    expect(visibleLine('plain text, ünïcode ✔')).toBe('plain text, ünïcode ✔');
    for (let code = 0; code < 0xa0; code++) {
      const char = String.fromCharCode(code);
      if (code < 0x20 || code >= 0x7f) expect(visibleLine(char), `U+${code.toString(16)}`).not.toContain(char);
    }
  });

  it('keeps the line breaks and tabs of a text of several lines, and only those', () => {
    expect(visible('first \u001b[31mred\nsecond\r::error::x\tend')).toBe('first \\x1b[31mred\nsecond\\r::error::x\tend');
  });
});

describe('stopCommands', () => {
  it('puts the text in a stopped region with a fresh token, and defuses what it holds', () => {
    const one = stopCommands('##[error]x\n::warning::y');
    const two = stopCommands('##[error]x\n::warning::y');
    expect(one).toMatch(/^::stop-commands::(hindsight-[0-9a-f]{32})\n[^\n]*\n[^\n]*\n::\1::\n$/);
    expect(one).not.toBe(two);
    expect(readAsRunner(one).commands).toEqual([]);
    expect(readAsRunner(one, { honourStop: false }).commands).toEqual([]);
    expect(defuseCommands('##[error]x')).not.toContain('##[');
  });

  it('is for GitHub Actions only', () => {
    expect(underGithubActions({})).toBe(false);
    expect(underGithubActions({ GITHUB_ACTIONS: 'false' })).toBe(false);
    expect(underGithubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
  });
});
