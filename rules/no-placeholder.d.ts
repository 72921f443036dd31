declare const _default: import("../src/lint/rule.ts").Rule<{
    ignoreDrafts: boolean;
}>;
export default _default;
