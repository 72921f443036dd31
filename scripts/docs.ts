// `npm run docs`: regenerates what is derived from the rule declarations — the rule pages in
// docs/rules/ (an index and one page per rule) and the configuration schema for editors. A
// test fails when either is out of date.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { configSchema } from '../src/lint/config/schema.ts';
import { loadRules } from '../src/lint/registry.ts';
import { rulePages } from '../src/report/rule-docs.ts';

const rules = await loadRules();
const folder = new URL('../docs/rules/', import.meta.url);
mkdirSync(folder, { recursive: true });
const pages = rulePages(rules);
// A page whose rule is gone goes with it.
for (const name of readdirSync(folder)) if (name.endsWith('.md') && !pages.has(name)) rmSync(new URL(name, folder));
for (const [name, text] of pages) writeFileSync(new URL(name, folder), text);
writeFileSync(new URL('../schema/config.schema.json', import.meta.url), `${JSON.stringify(configSchema(rules), null, 2)}\n`);
console.log(`docs/rules/ (${rules.size} rules and the index) and schema/config.schema.json written.`);
