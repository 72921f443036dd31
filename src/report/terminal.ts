// Text from documents, file names and configurations, made safe to print for people. A
// terminal acts on control characters: ESC starts sequences that clear the screen, move the
// cursor over what was printed ("✔ 0 problems"), open OSC 8 links or write the clipboard
// (OSC 52); CR overprints a line; bidirectional overrides (Trojan Source) reorder what is
// shown. Each such character is printed as a visible escape instead (`\x1b`, `\r`, `\u202e`).

// C0 but tab and line feed, DEL, C1, the bidirectional controls, the line and paragraph separators.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Bidi_Control}\u2028\u2029]/gu;
const CONTROLS_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f\p{Bidi_Control}\u2028\u2029]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visibleEscape(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character but tab and line feed shown as an escape. */
export function visible(text: string): string {
  return text.replace(CONTROLS, visibleEscape);
}

/**
 * One line of text for a single-line field (a file name, a key, a message row): line breaks
 * are shown as `\n` and `\r` too, so that nothing printed starts a line of its own.
 */
export function visibleLine(text: string): string {
  return text.replace(CONTROLS_AND_BREAKS, visibleEscape);
}
