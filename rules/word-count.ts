import { countWords } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

type Options = { min?: number; max?: number };

/** URLs in prose ("https://status.example.com/incidents/42") are not words of the text. */
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()]+/gi;

const HAS = 'This postmortem has {{words}} words; {{who}} {{bounds}}.';
const SAY_MORE = 'To fit, say more about what happened, why, and what changes now.';
const messages = {
  tooShort: `${HAS} ${SAY_MORE}`,
  tooShortIndented: `${HAS} ${SAY_MORE} {{indented}} more words stand in indented code blocks (lines indented by four spaces are code in Markdown, not prose).`,
  tooLong: `${HAS} To fit, cut repetition and move logs or long detail to linked documents.`,
} as const;

export default defineRule<Options, typeof messages>({
  id: 'word-count',
  description: 'A postmortem shorter or longer than the configured number of words',
  severity: 'off',
  messages,
  schema: {
    type: 'object',
    properties: {
      min: { type: 'integer', minimum: 0, description: 'The fewest words of prose a postmortem may have.' },
      max: { type: 'integer', minimum: 0, description: 'The most words of prose a postmortem may have.' },
    },
    additionalProperties: false,
  },
  docs: {
    rationale:
      'Some formats set a length: the ALX brief asks for 400 to 600 words, long enough to explain and short enough to be read (the `alx` preset turns this rule on with those bounds). Words are counted in the prose of the document: headings, paragraphs, lists and tables, but not the frontmatter, code blocks, inline code, HTML or URLs. A word is a run of letters or digits ("10:05" is two, "don\'t" one).',
    invalid: [
      {
        title: 'too short for the alx format',
        options: { min: 400, max: 600 },
        markdown: md`
          # DB outage

          ## Summary

          The database was down for 40 minutes.

          \`\`\`sh
          df -h /var/lib/postgresql
          \`\`\`
        `,
        expected: `
          1:1-1:1 tooShort
        `,
      },
      {
        title: 'longer than a configured maximum',
        options: { max: 5 },
        markdown: md`
          ---
          title: A title with many words in it
          ---
          # DB outage

          The database was down for 40 minutes.
        `,
        expected: `
          1:1-1:1 tooLong
        `,
      },
      {
        title: 'too short, with words in indented code blocks',
        options: { min: 20 },
        markdown: md`
          # DB outage

          The database was down.

              We restarted it at ten and it came back after a few minutes of recovery.
        `,
        expected: `
          1:1-1:1 tooShortIndented
        `,
      },
    ],
    valid: [
      {
        title: 'within bounds, not counting frontmatter, code or URLs',
        options: { min: 5, max: 10 },
        markdown: md`
          ---
          severity: SEV2 with a long note that is not counted
          ---
          # DB outage

          Down for 40 minutes, see https://status.example.com/incidents/42 and \`SELECT 1 FROM pg_stat_activity\`.
        `,
      },
    ],
  },
  check({ options, tree, source, pieces, report }) {
    const { min, max } = options;
    if (min === undefined && max === undefined) return;
    let words = 0;
    for (const piece of pieces()) if (piece.kind === 'prose') words += countWords(piece.value.replace(URL, ' '));
    const tooShort = min !== undefined && words < min;
    const tooLong = max !== undefined && words > max;
    if (!tooShort && !tooLong) return;
    const bounds = min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    // The alx preset's bounds name the format; other bounds are the configuration's.
    const who = min === 400 && max === 600 ? 'the alx format asks for' : 'the configuration asks for';
    // Text indented by four spaces is a code block: authors who indent whole sections lose
    // those words without knowing why.
    let indented = 0;
    for (const node of tree.children) {
      if (node.type !== 'code' || /^\s*(?:`{3}|~{3})/.test(source.slice(node.position?.start.offset ?? 0, (node.position?.start.offset ?? 0) + 8))) continue;
      indented += countWords(node.value);
    }
    const data = { words, who, bounds };
    if (!tooShort) report({ messageId: 'tooLong', data, line: 1, column: 1 });
    else if (indented > 0) report({ messageId: 'tooShortIndented', data: { ...data, indented }, line: 1, column: 1 });
    else report({ messageId: 'tooShort', data, line: 1, column: 1 });
  },
});
