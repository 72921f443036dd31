// Everything the command line and the Action print goes through here, so that text from documents, file
// names and configurations can neither drive a terminal (control characters are escaped by
// the formatters and below) nor issue workflow commands to a GitHub Actions runner (see
// src/report/runner.ts). The `github` format's annotations are the one exception: they are
// meant for the runner, and are printed with `printAnnotations`.
import { fstatSync } from 'node:fs';
import { visible, visibleLine } from './terminal.ts';
import { jsonForRunner, stopCommands, underGithubActions } from './runner.ts';

type Stream = 'stdout' | 'stderr';

function write(stream: Stream, text: string): void {
  if (text !== '') process[stream].write(text);
}

/** Whether the runner may read what is written to the stream: not when it is redirected to a file. */
function readByRunner(stream: Stream): boolean {
  if (!underGithubActions()) return false;
  try {
    return !fstatSync(stream === 'stdout' ? 1 : 2).isFile();
  } catch {
    return true;
  }
}

/** Text for people (already escaped by its formatter): in a stopped region when the runner reads it. */
export function printText(stream: Stream, text: string): void {
  if (text === '') return;
  const line = text.endsWith('\n') ? text : `${text}\n`;
  write(stream, readByRunner(stream) ? stopCommands(line) : line);
}

/** JSON or SARIF on stdout: byte for byte, but for `##[` under Actions (the same JSON value). */
export function printJson(json: string): void {
  const text = json.endsWith('\n') ? json : `${json}\n`;
  write('stdout', underGithubActions() ? jsonForRunner(text) : text);
}

/** Workflow commands meant for the runner (`--format github`): printed as they are. */
export function printAnnotations(text: string): void {
  write('stdout', text);
}

/** A one-paragraph message on stderr, `hindsight: …`, with every control character escaped. */
export function printMessage(message: string): void {
  printText('stderr', `hindsight: ${visibleLine(message)}\n`);
}

/** Text someone else wrote for us to print (an error's stack trace): escaped, and stopped under Actions. */
export function printForeign(stream: Stream, text: string): void {
  printText(stream, visible(text));
}

/**
 * A reader that goes away early (`hindsight lint --format sarif | head`) is not a failure of
 * the run: stop writing quietly instead of crashing on EPIPE with a stack trace.
 */
export function quietOnBrokenPipe(stream: NodeJS.WritableStream = process.stdout): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
