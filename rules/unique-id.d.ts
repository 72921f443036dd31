declare const _default: import("../src/lint/rule.ts").Rule<Record<string, never>>;
export default _default;
