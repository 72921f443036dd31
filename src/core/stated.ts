// What the document states about the incident besides its times: its severity and the
// services it hit, read as a person reads them when the frontmatter does not give them — a
// field line or table row in the opening or the summary ("Severity: SEV-2", "| Services
// affected | checkout, payments |") or a section of its own ("## Severity" over "**Critical** -
// most customers affected").
import type { RootContent } from 'mdast';
import { statementLines } from './incident/lines.ts';
import type { Stated, StatedValue } from './model.ts';
import type { SectionBlock } from './sections/detect.ts';
import { inlineLines } from './text.ts';

const SEVERITY_FIELD = /^(?:incident\s+)?(?:severity|sev|priority|impact\s+level)(?:\s+level)?\s*[:=]\s*(.+)$/i;
const SERVICES_FIELD = /^(?:(?:affected|impacted)\s+)?(?:services?|systems?|components?|products?)(?:\s+(?:affected|impacted))?\s*[:=]\s*(.+)$/i;
const SEVERITY_HEADING = /^(?:incident\s+)?severity(?:\s+level)?$/i;
/** A severity is a short label ("SEV2", "P1", "Critical", "Major outage"), never a sentence. */
const MAX_SEVERITY_WORDS = 3;
const MAX_SERVICES = 12;
const MAX_SERVICE_WORDS = 4;

export function readStated(input: { preamble: readonly RootContent[]; blocks: readonly SectionBlock[] }): Stated {
  let severity: StatedValue<string> | null = null;
  let services: StatedValue<string[]> | null = null;
  for (const { text, line } of statementLines(input)) {
    const plain = text.trim().replace(/^[-*+]\s+/, '');
    if (severity === null) {
      const value = severityLabel(SEVERITY_FIELD.exec(plain)?.[1]);
      if (value !== null) severity = { value, line };
    }
    if (services === null) {
      const values = serviceNames(SERVICES_FIELD.exec(plain)?.[1]);
      if (values.length > 0) services = { value: values, line };
    }
    if (severity !== null && services !== null) break;
  }
  severity ??= severitySection(input.blocks);
  return { severity, services };
}

/** The label a "Severity" section opens with: "**Critical** - most customers …" → "Critical". */
function severitySection(blocks: readonly SectionBlock[]): StatedValue<string> | null {
  for (const block of blocks) {
    if (!SEVERITY_HEADING.test(block.section.heading.trim())) continue;
    const first = block.nodes.find((node) => node.type === 'paragraph');
    if (first?.type !== 'paragraph') return null;
    const [opening] = inlineLines(first.children, first.position?.start.line ?? 1);
    const value = opening ? severityLabel(opening.text) : null;
    return value === null ? null : { value, line: opening!.line };
  }
  return null;
}

/** "SEV-2 (major)" → "SEV2"; "Critical - …" → "Critical"; a sentence → null. */
export function severityLabel(written: string | undefined): string | null {
  if (written === undefined) return null;
  const head = written
    .trim()
    .split(/\s+[-–—]\s+|[.,;:(]/)[0]!
    .trim()
    .replace(/^["'`*_]+|["'`*_]+$/g, '');
  if (head === '' || head.split(/\s+/).length > MAX_SEVERITY_WORDS || /^(?:n\/?a|none|tbd|unknown|\?+)$/i.test(head)) return null;
  const sev = /^sev(?:erity)?[\s-]*(\d)$/i.exec(head);
  if (sev) return `SEV${sev[1]}`;
  const priority = /^p[\s-]*(\d)$/i.exec(head);
  if (priority) return `P${priority[1]}`;
  return head;
}

/** "checkout, payments and search" → ["checkout", "payments", "search"]. */
export function serviceNames(written: string | undefined): string[] {
  if (written === undefined) return [];
  const names = written
    .split(/\s*(?:,|;|\s&\s|\sand\s)\s*/)
    .map((name) => name.trim().replace(/^["'`*_]+|["'`*_.]+$/g, ''))
    .filter((name) => name !== '' && !/^(?:n\/?a|none|tbd|unknown)$/i.test(name));
  // Names, not prose: a part that reads as a sentence makes the whole line prose.
  if (
    names.length > MAX_SERVICES ||
    names.some(
      (name) =>
        name
          .replace(/\([^)]*\)/g, '')
          .trim()
          .split(/\s+/).length > MAX_SERVICE_WORDS,
    )
  )
    return [];
  return [...new Set(names)];
}
