// The errors that end a run on purpose carry their exit code, across worker threads too.
import { describe, expect, it } from 'vitest';
import { ConfigError, EXIT_CODE, HindsightError, PathError, UsageError, errorFromData } from '../../src/errors.ts';

describe('errors with an exit code', () => {
  it('ends every usage, path and configuration problem with exit code 2', () => {
    for (const error of [new UsageError('--max-warnings takes a whole number'), new PathError('No such file'), new ConfigError('Unknown rule')]) {
      expect(error).toBeInstanceOf(HindsightError);
      expect(error.exitCode).toBe(EXIT_CODE.couldNotRun);
      expect(EXIT_CODE.couldNotRun).toBe(2);
    }
  });

  it('keeps the class names that the unexpected-error message shows', () => {
    expect([new UsageError('x').name, new PathError('x').name, new ConfigError('x').name]).toEqual(['UsageError', 'PathError', 'ConfigError']);
  });

  it('rebuilds a HindsightError sent as plain data with its exit code and name', () => {
    const sent = new PathError('Cannot write the fixed notes.md: permission denied.');
    const data = JSON.parse(JSON.stringify({ name: sent.name, message: sent.message, exitCode: sent.exitCode }));
    const received = errorFromData(data);
    expect(received).toBeInstanceOf(HindsightError);
    expect((received as HindsightError).exitCode).toBe(2);
    expect(received.name).toBe('PathError');
    expect(received.message).toBe(sent.message);
  });

  it('rebuilds any other error as a plain Error: it stays an unexpected one', () => {
    const received = errorFromData({ name: 'TypeError', message: 'x is not a function' });
    expect(received).not.toBeInstanceOf(HindsightError);
    expect(received.name).toBe('TypeError');
  });
});
