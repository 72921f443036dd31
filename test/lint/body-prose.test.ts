// bodyProse finds a section's pieces by binary search (src/lint/kit/sections.ts): it must give what
// reading every piece of the document gives, on every section of the samples and the corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import type { Section } from '../../src/core/model.ts';
import { textPieces, type TextPiece } from '../../src/lint/kit/prose.ts';
import { bodyProse } from '../../src/lint/kit/sections.ts';

function everyPiece(pieces: readonly TextPiece[], section: Section): string[] {
  return pieces
    .filter((p) => p.kind === 'prose' && p.offset + p.value.length > section.bodyStart && p.offset < section.bodyEnd)
    .map((p) => p.value.slice(Math.max(0, section.bodyStart - p.offset), Math.min(p.value.length, section.bodyEnd - p.offset)));
}

const folders = [path.resolve('postmortems'), path.resolve('../shared/corpus/public'), path.resolve('../shared/corpus/varied')].filter((dir) =>
  existsSync(dir),
);

describe('bodyProse', () => {
  it('gives each section the prose a scan of every piece gives', () => {
    let sections = 0;
    for (const dir of folders) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        const source = readFileSync(path.join(dir, name), 'utf8');
        const { model, tree } = buildModel(name, source);
        const pieces = textPieces(tree, source);
        for (const section of model.sections) {
          expect(bodyProse(pieces, section), `${name}: ${section.heading}`).toEqual(everyPiece(pieces, section));
          sections++;
        }
      }
    }
    expect(sections).toBeGreaterThan(1000);
  });
});
