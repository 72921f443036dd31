// `npm run docs`: regenerates what is derived from the rule declarations — the README's
// rule reference and the configuration schema for editors. A test fails when either is
// out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { configSchema } from '../src/lint/config/schema.ts';
import { loadRules } from '../src/lint/registry.ts';
import { replaceBetweenMarkers, RULES_END, RULES_START } from '../src/report/markers.ts';
import { ruleReference } from '../src/report/rule-docs.ts';

const rules = await loadRules();
const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');
writeFileSync(readmeUrl, replaceBetweenMarkers(readme, RULES_START, RULES_END, ruleReference(rules)));
writeFileSync(new URL('../schema/config.schema.json', import.meta.url), `${JSON.stringify(configSchema(rules), null, 2)}\n`);
console.log(`README rule reference and schema/config.schema.json written (${rules.size} rules).`);
