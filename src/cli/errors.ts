/** A problem with how Hindsight was called or configured: one paragraph, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
