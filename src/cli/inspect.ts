import path from 'node:path';
import { buildModel } from '../core/build.ts';
import { inspectJson, inspectText } from '../report/inspect.ts';
import { readPostmortemFile } from './read-file.ts';

export async function inspect(file: string, options: { format: 'json' | 'text'; timezone?: string }): Promise<number> {
  const filePath = path.resolve(file);
  const source = await readPostmortemFile(filePath);
  const { model } = buildModel(filePath, source, { defaultZone: options.timezone ?? null });
  const output = options.format === 'json' ? JSON.stringify(inspectJson(model), null, 2) : inspectText(model);
  process.stdout.write(`${output}\n`);
  return 0;
}
