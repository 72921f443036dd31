// The errors that end a run on purpose carry their exit code, across worker threads too.
import { describe, expect, it } from 'vitest';
import { ConfigError, EXIT_CODE, HindsightError, PathError, UsageError, errorFromData, lintVerdict } from '../../src/errors.ts';

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

describe('the exit-code rule of lint and the Action', () => {
  const file = (errorCount: number, warningCount: number) => ({ errorCount, warningCount });

  it('passes with warnings and no limit, fails on any error', () => {
    expect(lintVerdict([file(0, 3), file(0, 4)], undefined)).toEqual({ exitCode: 0, errors: 0, warnings: 7, failedOn: null });
    expect(lintVerdict([file(0, 3), file(1, 0)], null)).toEqual({ exitCode: 1, errors: 1, warnings: 3, failedOn: 'errors' });
    expect(lintVerdict([], undefined).exitCode).toBe(0);
  });

  it('fails on more warnings than the limit, not on as many', () => {
    expect(lintVerdict([file(0, 2), file(0, 1)], 3)).toMatchObject({ exitCode: 0, failedOn: null });
    expect(lintVerdict([file(0, 2), file(0, 2)], 3)).toMatchObject({ exitCode: 1, failedOn: 'warnings' });
    expect(lintVerdict([file(0, 1)], 0)).toMatchObject({ exitCode: 1, failedOn: 'warnings' });
  });

  it('names errors as the reason when both apply', () => {
    expect(lintVerdict([file(2, 9)], 1)).toMatchObject({ exitCode: 1, failedOn: 'errors' });
  });
});
