// The GitHub Actions runner's reading of a step's output, for tests: what it would take as
// workflow commands. Modelled on the runner's ActionCommand parser, and more willing than it:
//
// - lines end at CR, LF or CR LF (.NET's ReadLine);
// - `::name props::data`: the line, its leading blanks trimmed, starts with `::` and has a
//   second `::`; every name counts (the runner counts only the commands it knows, then tries
//   the legacy form on the same line: so does this, for a name it does not know);
// - `##[name props]data` anywhere in the line (the legacy form);
// - `::stop-commands::TOKEN` stops all parsing until a command named TOKEN (`::TOKEN::` or
//   `##[TOKEN]`); with `honourStop: false` the regions are ignored, to show what the text
//   holds when another stream's lines interleave with it.

export interface WorkflowCommand {
  name: string;
  /** The text between the name and the separator (`file=a.md,line=1`). */
  properties: string;
  data: string;
  line: string;
}

const KNOWN = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
]);

// What .NET's TrimStart removes (Char.IsWhiteSpace), and a few more.
const LEADING_BLANKS = /^[\s\u0085\u001c-\u001f]*/;

function split(info: string): { name: string; properties: string } {
  const space = info.indexOf(' ');
  return space < 0 ? { name: info, properties: '' } : { name: info.slice(0, space), properties: info.slice(space + 1) };
}

function parseLine(line: string): WorkflowCommand[] {
  const found: WorkflowCommand[] = [];
  const trimmed = line.replace(LEADING_BLANKS, '');
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) {
      const { name, properties } = split(trimmed.slice(2, end));
      if (name !== '') {
        found.push({ name, properties, data: trimmed.slice(end + 2), line });
        if (KNOWN.has(name.toLowerCase())) return found;
      }
    }
  }
  const prefix = line.indexOf('##[');
  if (prefix >= 0) {
    const close = line.indexOf(']', prefix);
    if (close >= 0) {
      const { name, properties } = split(line.slice(prefix + 3, close));
      if (name !== '') found.push({ name, properties, data: line.slice(close + 1), line });
    }
  }
  return found;
}

export interface RunnerReading {
  /** Commands parsed while not stopped, but the stop-commands themselves and their resumes. */
  commands: WorkflowCommand[];
  /** The tokens of the stopped regions, in order. */
  stops: string[];
  /** A stop-commands region still open at the end of the text (its token), or null. */
  open: string | null;
}

export function readAsRunner(text: string, options: { honourStop?: boolean } = {}): RunnerReading {
  const honourStop = options.honourStop ?? true;
  const commands: WorkflowCommand[] = [];
  const stops: string[] = [];
  let stopped: string | null = null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const parsed = parseLine(line);
    if (parsed.length === 0) continue;
    if (stopped !== null) {
      const token = stopped.toLowerCase();
      if (parsed.some((c) => c.name.toLowerCase() === token)) stopped = null;
      continue;
    }
    const stop = parsed.find((c) => c.name.toLowerCase() === 'stop-commands');
    if (stop) {
      stops.push(stop.data);
      if (honourStop) stopped = stop.data;
      continue;
    }
    // Without the regions, a region's resume line is no command of the text's.
    commands.push(...parsed.filter((c) => !stops.includes(c.name)));
  }
  return { commands, stops, open: stopped };
}

/** The text as the job log shows it: without the stop-commands lines and their resumes. */
export function logText(text: string): string {
  const tokens = new Set<string>();
  return text
    .split('\n')
    .filter((line) => {
      const stop = /^::stop-commands::(.+)$/.exec(line);
      if (stop) {
        tokens.add(stop[1]!);
        return false;
      }
      const resume = /^::(.+)::$/.exec(line);
      return !(resume && tokens.has(resume[1]!));
    })
    .join('\n');
}
