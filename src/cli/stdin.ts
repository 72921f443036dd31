// `hindsight lint --stdin`: the postmortem comes from standard input. It is read as a file
// is (src/lint/read.ts): at most the size limit of src/core/guard/, then no more (a stream
// that never ends is not waited for), and a terminal is not waited on at all. It must be UTF-8:
// a text that is not cannot be reported on or printed back fixed byte for byte.
import { GUARD_LIMITS } from '../core/guard/index.ts';
import { UsageError } from '../errors.ts';
import { megabytes } from '../lint/read.ts';

export async function readStdin(stream: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stream.isTTY) {
    throw new UsageError(
      '--stdin reads the postmortem from standard input, which is a terminal here: pipe the text in (`hindsight lint --stdin < file.md`), or name the file instead.',
    );
  }
  const limit = GUARD_LIMITS.maxBytes;
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(bytes);
      length += bytes.length;
      if (length > limit) {
        stream.destroy();
        throw new UsageError(
          `standard input is larger than ${megabytes(limit)}; Hindsight reads postmortems of at most ${megabytes(limit)}: move attached logs and data out of the postmortem (link to them), or split it.`,
        );
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  return decodeUtf8(Buffer.concat(chunks, length));
}

/** The text of UTF-8 bytes (a byte order mark kept, as in a file); a usage error names the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    throw new UsageError(
      `standard input is not UTF-8 text (byte ${at + 1} of ${bytes.length}, 0x${bytes[at]!.toString(16).padStart(2, '0')}, is not): convert it first, e.g. \`iconv -f WINDOWS-1252 -t UTF-8\`.`,
    );
  }
}

/** The offset of the first byte where the bytes stop being valid UTF-8 (found by halving: the decoder says only whether). */
function firstInvalidByte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const valid = (end: number): boolean => {
    try {
      decoder.decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    } finally {
      // Drop what the streaming decode held back.
      try {
        decoder.decode();
      } catch {
        // an unfinished sequence at the cut: fine for a prefix
      }
    }
  };
  let low = 0;
  let high = bytes.length;
  // The longest prefix that decodes (a sequence cut at its end counts as valid) ends at the bad byte.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (valid(mid)) low = mid;
    else high = mid - 1;
  }
  // The prefix may end inside a sequence the next byte breaks: that sequence's first byte is where it goes wrong.
  for (let j = low - 1; j >= Math.max(0, low - 3); j--) {
    const byte = bytes[j]!;
    if (byte < 0x80) break;
    if (byte >= 0xc0) {
      const sequence = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return low - j < sequence ? j : low;
    }
  }
  return Math.min(low, bytes.length - 1);
}
