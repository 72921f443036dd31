/** A problem with how Hindsight was called or configured: one paragraph, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A reader that goes away early (`hindsight lint --format sarif | head`) is not a failure of
 * the run: stop writing quietly instead of crashing on EPIPE with a stack trace.
 */
export function quietOnBrokenPipe(stream: NodeJS.WritableStream = process.stdout): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
