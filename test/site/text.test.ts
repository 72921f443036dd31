// Document text on its way into the feed and the search index (src/site/shared/text.ts).
import { describe, expect, it } from 'vitest';
import { xmlText } from '../../src/site/shared/text.ts';

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
