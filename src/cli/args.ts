// The command line's one argument parser: node:util's parseArgs splits the words (short
// groups such as -qf, --opt=value, `--`), and the commands' declarations (main.ts) say what
// each word means, with the help text and usage errors made from the same declarations.
import { UsageError } from '../errors.ts';

// Not `import … from 'node:util'`: an ES import of a builtin reads every export of it, and
// util's lazy ones load worker_threads, streams and assert's diff (2–3 ms of a hook's start).
const { parseArgs } = process.getBuiltinModule('node:util');

export interface OptionSpec {
  /** The long name, without dashes: `max-warnings`. */
  long: string;
  short?: string;
  /** The value's name in help (`<n>`): the option takes a value. Without it, a flag. */
  value?: string;
  description: string;
  choices?: readonly string[];
  default?: string;
  /** Where the value goes in the options object (default: the long name in camelCase). */
  key?: string;
  /** For a flag: the value it sets (default true; `--no-color` sets color to false). */
  sets?: boolean;
  /** Turns the value into what the command takes; throws a UsageError for a bad one. */
  parse?: (value: string) => unknown;
  /** May be given more than once: the values are collected, in order, into an array. */
  multiple?: boolean;
}

export interface ArgumentSpec {
  name: string;
  description?: string;
  required?: boolean;
  /** Takes every remaining word. */
  variadic?: boolean;
}

export interface CommandSpec {
  name: string;
  description: string;
  arguments: readonly ArgumentSpec[];
  options: readonly OptionSpec[];
  /** Not listed in help (the Action's entry). */
  hidden?: boolean;
  run(args: string[], options: Record<string, unknown>): Promise<number>;
}

export interface Program {
  name: string;
  description: string;
  version: () => string;
  commands: readonly CommandSpec[];
}

/** What a command line asks for: a command with its arguments and options, or help, or the version. */
export type Invocation =
  | { kind: 'run'; command: CommandSpec; args: string[]; options: Record<string, unknown> }
  | { kind: 'help'; text: string; toStderr?: boolean }
  | { kind: 'version' };

const HELP: OptionSpec = { long: 'help', short: 'h', description: 'display help for command' };
const VERSION: OptionSpec = { long: 'version', short: 'v', description: 'output the version number' };

export function parseCommandLine(program: Program, argv: readonly string[]): Invocation {
  // The program's own options, up to the command's name.
  const { tokens } = parseArgs({ args: [...argv], options: parseArgsOptions([HELP, VERSION]), strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option-terminator') break;
    if (token.kind === 'option') {
      if (token.name === 'help') return { kind: 'help', text: programHelp(program) };
      if (token.name === 'version') return { kind: 'version' };
      throw usage(`unknown option '${token.rawName}'`);
    }
    const rest = argv.slice(token.index + 1);
    if (token.value === 'help') {
      const command = rest[0] === undefined ? null : findCommand(program, rest[0]);
      return { kind: 'help', text: command ? commandHelp(program, command) : programHelp(program) };
    }
    const command = findCommand(program, token.value);
    if (!command) throw usage(`unknown command '${token.value}'`);
    return parseCommand(program, command, rest);
  }
  // No command: what to run is missing, so the help goes where errors go.
  return { kind: 'help', text: programHelp(program), toStderr: true };
}

function parseCommand(program: Program, command: CommandSpec, argv: readonly string[]): Invocation {
  const specs = [...command.options, HELP];
  const { tokens } = parseArgs({ args: [...argv], options: parseArgsOptions(specs), strict: false, allowPositionals: true, tokens: true });
  const options: Record<string, unknown> = {};
  for (const spec of command.options) if (spec.default !== undefined) options[keyOf(spec)] = spec.default;
  const args: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') args.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = specs.find((s) => s.long === token.name || s.short === token.name);
    if (!spec) throw usage(`unknown option '${token.rawName}'`);
    if (spec === HELP) return { kind: 'help', text: commandHelp(program, command) };
    if (spec.value === undefined) {
      if (token.value !== undefined) throw usage(`option '${flags(spec)}' does not take an argument`);
      options[keyOf(spec)] = spec.sets ?? true;
      continue;
    }
    if (token.value === undefined) throw usage(`option '${flags(spec)}' argument missing`);
    if (spec.choices && !spec.choices.includes(token.value)) {
      throw usage(`option '${flags(spec)}' argument '${token.value}' is invalid. Allowed choices are ${spec.choices.join(', ')}.`);
    }
    const value = spec.parse ? spec.parse(token.value) : token.value;
    if (spec.multiple) options[keyOf(spec)] = [...((options[keyOf(spec)] as unknown[] | undefined) ?? []), value];
    else options[keyOf(spec)] = value;
  }
  const takes = command.arguments;
  for (const [i, argument] of takes.entries()) {
    if (argument.required && args[i] === undefined) throw usage(`missing required argument '${argument.name}'`);
  }
  if (!takes.some((a) => a.variadic) && args.length > takes.length) {
    const expected = `${takes.length} argument${takes.length === 1 ? '' : 's'}`;
    throw usage(`too many arguments for '${command.name}'. Expected ${expected} but got ${args.length}: ${args.join(', ')}.`);
  }
  return { kind: 'run', command, args, options };
}

function parseArgsOptions(specs: readonly OptionSpec[]): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const out: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const spec of specs) out[spec.long] = { type: spec.value === undefined ? 'boolean' : 'string', ...(spec.short && { short: spec.short }) };
  return out;
}

function findCommand(program: Program, name: string): CommandSpec | null {
  return program.commands.find((c) => c.name === name) ?? null;
}

function keyOf(spec: OptionSpec): string {
  return spec.key ?? spec.long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function flags(spec: OptionSpec): string {
  return `${spec.short ? `-${spec.short}, ` : ''}--${spec.long}${spec.value ? ` ${spec.value}` : ''}`;
}

function usage(problem: string): UsageError {
  return new UsageError(`${problem} (run \`hindsight --help\` for usage)`);
}

function argumentsLine(command: CommandSpec): string {
  return command.arguments.map((a) => (a.required ? `<${a.name}>` : `[${a.name}${a.variadic ? '...' : ''}]`)).join(' ');
}

function table(rows: readonly [string, string][], width = Math.max(...rows.map(([left]) => left.length))): string[] {
  return rows.map(([left, right]) => `  ${left.padEnd(width + 2)}${right}`);
}

export function programHelp(program: Program): string {
  const options = [VERSION, HELP].map((o): [string, string] => [flags(o), o.description]);
  const commands = program.commands
    .filter((c) => !c.hidden)
    .map((c): [string, string] => [`${c.name} [options]${c.arguments.length ? ` ${argumentsLine(c)}` : ''}`, c.description]);
  commands.push(['help [command]', 'display help for command']);
  const width = Math.max(...[...options, ...commands].map(([left]) => left.length));
  return [
    `Usage: ${program.name} [options] [command]`,
    '',
    program.description,
    '',
    'Options:',
    ...table(options, width),
    '',
    'Commands:',
    ...table(commands, width),
    '',
  ].join('\n');
}

export function commandHelp(program: Program, command: CommandSpec): string {
  const describe = (o: OptionSpec): string => {
    const extras = [o.choices && `choices: ${o.choices.map((c) => `"${c}"`).join(', ')}`, o.default !== undefined && `default: "${o.default}"`].filter(Boolean);
    return `${o.description}${extras.length ? ` (${extras.join(', ')})` : ''}`;
  };
  const described = command.arguments.filter((a) => a.description).map((a): [string, string] => [a.name, a.description!]);
  const options = [...command.options, HELP].map((o): [string, string] => [flags(o), describe(o)]);
  const width = Math.max(...[...described, ...options].map(([left]) => left.length));
  return [
    `Usage: ${program.name} ${command.name} [options]${command.arguments.length ? ` ${argumentsLine(command)}` : ''}`,
    '',
    command.description,
    '',
    ...(described.length ? ['Arguments:', ...table(described, width), ''] : []),
    'Options:',
    ...table(options, width),
    '',
  ].join('\n');
}
