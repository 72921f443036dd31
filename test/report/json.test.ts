import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/engine.ts';
import { summarise } from '../../src/lint/result.ts';
import { formatJson } from '../../src/report/json.ts';
import { cdnFile, cleanFile, dbFile, finding, fixtureResults } from './fixtures.ts';

describe('formatJson', () => {
  it("prints ESLint's JSON array: every file, its counts and messages", () => {
    expect(JSON.parse(formatJson(fixtureResults()))).toStrictEqual([
      {
        filePath: dbFile,
        errorCount: 2,
        warningCount: 1,
        messages: [
          { ruleId: 'required-sections', severity: 2, message: 'Missing section: Timeline.', line: 1, column: 1, endLine: 1, endColumn: 1 },
          { ruleId: 'timeline-order', severity: 2, message: 'Timeline out of order.', line: 14, column: 3, endLine: 14, endColumn: 40 },
          {
            ruleId: 'no-placeholder',
            severity: 1,
            message: 'Placeholder "TODO".',
            line: 102,
            column: 7,
            endLine: 102,
            endColumn: 11,
            fix: { range: [2040, 2044], text: 'Done' },
          },
        ],
        fixableErrorCount: 0,
        fixableWarningCount: 1,
        fatalErrorCount: 0,
        suppressedMessages: [],
        usedDeprecatedRules: [],
      },
      {
        filePath: cleanFile,
        errorCount: 0,
        warningCount: 0,
        messages: [],
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        fatalErrorCount: 0,
        suppressedMessages: [],
        usedDeprecatedRules: [],
      },
      {
        filePath: cdnFile,
        errorCount: 0,
        warningCount: 1,
        messages: [{ ruleId: 'blameless-language', severity: 1, message: '"should have" assigns blame.', line: 3, column: 12, endLine: 3, endColumn: 23 }],
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        fatalErrorCount: 0,
        suppressedMessages: [],
        usedDeprecatedRules: [],
      },
    ]);
  });

  it('keeps the key order of the documented shape, the fields ESLint adds after it', () => {
    const [first] = JSON.parse(formatJson(fixtureResults())) as Record<string, unknown>[];
    expect(Object.keys(first!)).toEqual([
      'filePath',
      'errorCount',
      'warningCount',
      'messages',
      'fixableErrorCount',
      'fixableWarningCount',
      'fatalErrorCount',
      'suppressedMessages',
      'usedDeprecatedRules',
    ]);
  });

  it('prints a fatal finding as ESLint does: ruleId null, fatal true', () => {
    const [file] = JSON.parse(formatJson([summarise(dbFile, [finding('fatal', 2, 'This file is binary.', 1, 1)])])) as Record<string, unknown>[];
    expect(file).toMatchObject({ errorCount: 1, fatalErrorCount: 1, messages: [{ ruleId: null, fatal: true, severity: 2, message: 'This file is binary.' }] });
  });

  it('includes the fixed text as `output` when --fix changed the file', () => {
    const out = JSON.parse(formatJson([summarise(dbFile, [], '# Fixed\n')])) as { output?: string }[];
    expect(out[0]!.output).toBe('# Fixed\n');
  });

  it('prints an empty array for no files, and valid JSON for awkward messages', () => {
    expect(JSON.parse(formatJson([]))).toEqual([]);
    const message = 'Quote " backslash \\ newline\n tab\t and \u2028';
    const out = JSON.parse(formatJson([summarise(dbFile, [finding('no-secrets', 2, message, 5, 1)])])) as { messages: { message: string }[] }[];
    expect(out[0]!.messages[0]!.message).toBe(message);
  });

  it("carries a finding's message id, as ESLint's JSON does, after its message and only when the rule declared one", () => {
    const byId: Finding = { ...finding('timeline-order', 2, '10:05 is earlier than 10:20.', 5, 3, [5, 31]), messageId: 'earlier' };
    const [file] = JSON.parse(formatJson([summarise(dbFile, [byId, finding('no-pii', 1, 'An e-mail address.', 7, 1)])])) as {
      messages: Record<string, unknown>[];
    }[];
    expect(file!.messages[0]).toStrictEqual({
      ruleId: 'timeline-order',
      severity: 2,
      message: '10:05 is earlier than 10:20.',
      messageId: 'earlier',
      line: 5,
      column: 3,
      endLine: 5,
      endColumn: 31,
    });
    expect(Object.keys(file!.messages[0]!)).toEqual(['ruleId', 'severity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn']);
    expect(file!.messages[1]).not.toHaveProperty('messageId');
  });
});
