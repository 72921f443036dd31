// Document text on its way into the feed and the build log (src/site/shared/text.ts).
import { describe, expect, it } from 'vitest';
import { logLines, logText, withoutWorkflowCommands, xmlText } from '../../src/site/shared/text.ts';

describe('xmlText', () => {
  it('drops exactly the characters XML 1.0 forbids', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\u000ce\u001bf\u001fg\ufffeh\uffffi')).toBe('abcdefghi');
    // Allowed: tab, line feed, carriage return, DEL, C1 controls, a surrogate pair, U+FFFD.
    const allowed = 'tab\there\nline\rcr\u007f\u0085\u009b😀\ufffd';
    expect(xmlText(allowed)).toBe(allowed);
  });

  it('drops a lone surrogate of either half, keeping pairs', () => {
    expect(xmlText('a\ud800b')).toBe('ab');
    expect(xmlText('a\udc00b')).toBe('ab');
    expect(xmlText('\udc00\ud800')).toBe('');
    expect(xmlText('\ud83d\ude00\ud800')).toBe('😀');
  });
});

describe('logText', () => {
  it('writes every C0 and C1 control and DEL as a visible escape, on one line', () => {
    expect(logText('a\u001b[2Jb\u0007c\u009bd\u007fe')).toBe('a\\x1b[2Jb\\x07c\\x9bd\\x7fe');
    expect(logText('one\ntwo\r\tthree')).toBe('one\\ntwo\\r\\tthree');
    expect(logText('plain text, ünïcode ✔')).toBe('plain text, ünïcode ✔');
    for (let code = 0; code < 0xa0; code++) {
      const char = String.fromCharCode(code);
      if (code < 0x20 || code >= 0x7f) expect(logText(char), `U+${code.toString(16)}`).not.toContain(char);
    }
  });

  it('keeps the line breaks of a message of several lines, and only those', () => {
    expect(logLines('first \u001b[31mred\nsecond\r::error::x')).toBe('first \\x1b[31mred\nsecond\\r::error::x');
  });
});

describe('withoutWorkflowCommands', () => {
  it('wraps the text in stop-commands under GitHub Actions only, with a fresh token', () => {
    expect(withoutWorkflowCommands('##[error]x', {})).toBe('##[error]x');
    expect(withoutWorkflowCommands('##[error]x', { GITHUB_ACTIONS: 'false' })).toBe('##[error]x');
    expect(withoutWorkflowCommands('##[error]x', { GITHUB_ACTIONS: 'true' }, () => 'T1')).toBe('::stop-commands::T1\n##[error]x\n::T1::');
    const one = withoutWorkflowCommands('x', { GITHUB_ACTIONS: 'true' });
    const two = withoutWorkflowCommands('x', { GITHUB_ACTIONS: 'true' });
    expect(one).toMatch(/^::stop-commands::(hindsight-[0-9a-f-]{36})\nx\n::\1::$/);
    expect(one).not.toBe(two);
  });
});
