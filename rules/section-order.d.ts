declare const _default: import("../src/lint/rule.ts").Rule<{
    order: string[];
}>;
export default _default;
