import { loadRules } from '../lint/registry.ts';
import { ruleTable } from '../report/rule-table.ts';
import { quietOnBrokenPipe } from '../report/output.ts';

/** The catalogue holds only Hindsight's own text: it is printed as it is, under Actions too. */
export async function rules(options: { format: 'json' | 'text' | 'markdown' }): Promise<number> {
  const catalogue = await loadRules();
  quietOnBrokenPipe();
  if (options.format === 'json') {
    const out = [...catalogue.values()].map((r) => ({
      id: r.id,
      description: r.description,
      severity: r.severity,
      fixable: r.fixable,
      options: r.schema,
      defaults: r.defaults,
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else if (options.format === 'markdown') {
    process.stdout.write(`${ruleTable(catalogue)}\n`);
  } else {
    const width = Math.max(...[...catalogue.keys()].map((id) => id.length));
    for (const r of catalogue.values()) {
      process.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(5)}  ${r.fixable ? 'fix' : '   '}  ${r.description}\n`);
    }
  }
  return 0;
}
