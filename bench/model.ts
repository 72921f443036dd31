// The model's cost against the parse it is built on, in one process, interleaved so that
// drift of the machine's speed hits both sides alike. Three measures over the same files:
//   bare    mdast-util-from-markdown with the extensions the model needs (frontmatter, GFM
//           table, task list, strikethrough): the floor;
//   unified remark-parse through a unified processor (with the same extensions), to
//           show why the model calls mdast-util-from-markdown directly;
//   parse   Hindsight's own parse (src/core/parse.ts): the same tree as bare, with only the
//           extensions each text can use, so the model's share beyond it is visible too;
//   model   buildModel: parse + frontmatter + sections + incident + timeline + actions.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { buildModel } from '../src/core/build.ts';
import { parseMarkdown } from '../src/core/parse.ts';

export interface ModelBenchResult {
  files: number;
  bytes: number;
  rounds: number;
  medianMs: { bare: number; unified: number; parse: number; model: number };
  ratio: { unified: number; parse: number; model: number; modelOverParse: number };
}

const extensions = [frontmatter(['yaml']), gfmTable(), gfmTaskListItem(), gfmStrikethrough()];
const mdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown()];

export function benchModel(dirs: readonly string[], rounds = 15): ModelBenchResult {
  const files = dirs.filter(existsSync).flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(dir, name)),
  );
  const sources = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const bytes = sources.reduce((sum, s) => sum + Buffer.byteLength(s.text), 0);

  const processor = unified().use(remarkParse).data('micromarkExtensions', extensions).data('fromMarkdownExtensions', mdastExtensions);
  const runs = {
    bare: () => {
      for (const s of sources) fromMarkdown(s.text, { extensions, mdastExtensions });
    },
    unified: () => {
      for (const s of sources) processor.parse(s.text);
    },
    parse: () => {
      for (const s of sources) parseMarkdown(s.text);
    },
    model: () => {
      for (const s of sources) buildModel(s.file, s.text);
    },
  };
  const times: Record<keyof typeof runs, number[]> = { bare: [], unified: [], parse: [], model: [] };
  for (const run of Object.values(runs)) run(); // warm-up: JIT and module caches
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs) as [keyof typeof runs, () => void][]) {
      const start = performance.now();
      run();
      times[name].push(performance.now() - start);
    }
  }
  const medianMs = { bare: median(times.bare), unified: median(times.unified), parse: median(times.parse), model: median(times.model) };
  // Ratios pair each round's model time with the same round's bare time.
  const ratio = {
    unified: median(times.unified.map((t, i) => t / times.bare[i]!)),
    parse: median(times.parse.map((t, i) => t / times.bare[i]!)),
    model: median(times.model.map((t, i) => t / times.bare[i]!)),
    modelOverParse: median(times.model.map((t, i) => t / times.parse[i]!)),
  };
  return { files: sources.length, bytes, rounds, medianMs, ratio };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
