// `npm run docs`: regenerates what is derived from the rule files — the rule index
// (rules/index.ts, scripts/rule-index.ts), the rule pages in docs/rules/ (an index and one
// page per rule) and the configuration schema for editors. A test fails when any of them is
// out of date.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeRuleIndex } from './rule-index.ts';

const root = new URL('..', import.meta.url);
// First the index, so what follows imports every rule file rules/ holds now.
writeRuleIndex(fileURLToPath(root));
const { configSchema } = await import('../src/lint/config/schema.ts');
const { loadRules } = await import('../src/lint/registry.ts');
const { rulePages } = await import('../src/report/rule-docs.ts');

const rules = await loadRules();
const folder = new URL('docs/rules/', root);
mkdirSync(folder, { recursive: true });
const pages = rulePages(rules);
// A page whose rule is gone goes with it.
for (const name of readdirSync(folder)) if (name.endsWith('.md') && !pages.has(name)) rmSync(new URL(name, folder));
for (const [name, text] of pages) writeFileSync(new URL(name, folder), text);
writeFileSync(new URL('schema/config.schema.json', root), `${JSON.stringify(configSchema(rules), null, 2)}\n`);
console.log(`rules/index.ts, docs/rules/ (${rules.size} rules and the index) and schema/config.schema.json written.`);
