declare const _default: import("../src/lint/rule.ts").Rule<{
    maxPerFile: number;
}>;
export default _default;
