import path from 'node:path';
import { parseZone } from '../core/time/zones.ts';
import { configForFile } from '../lint/config/load.ts';
import { loadRules } from '../lint/registry.ts';
import { inspectedModel, inspectJson, inspectText } from '../report/inspect.ts';
import { UsageError } from '../errors.ts';
import { printJson, printText, quietOnBrokenPipe } from '../report/output.ts';
import { readPostmortemFile } from './read-file.ts';

/**
 * Prints the model of one postmortem as `lint` reads it: with the zone and section aliases of the
 * configuration nearest to the file (`--timezone` overrides the zone).
 */
export async function inspect(file: string, options: { format: 'json' | 'text'; timezone?: string }): Promise<number> {
  if (options.timezone !== undefined && parseZone(options.timezone) === null) {
    throw new UsageError(
      `--timezone ${JSON.stringify(options.timezone)} is not a time zone Hindsight knows: give an IANA name ("Europe/Berlin"), an abbreviation ("UTC", "EAT") or an offset ("+03:00").`,
    );
  }
  const filePath = path.resolve(file);
  const source = readPostmortemFile(filePath);
  const config = configForFile(filePath, { cwd: process.cwd() }, await loadRules());
  const model = inspectedModel(filePath, source, config, options.timezone);
  quietOnBrokenPipe();
  if (options.format === 'json') printJson(JSON.stringify(inspectJson(model), null, 2));
  else printText('stdout', inspectText(model));
  return 0;
}
