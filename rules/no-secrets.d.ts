declare const _default: import("../src/lint/rule.ts").Rule<{
    allow: string[];
}>;
export default _default;
