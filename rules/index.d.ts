import type { Rule } from '../src/lint/rule.ts';
export declare const ruleIndex: Readonly<Record<string, Rule>>;
