declare const _default: import("../src/lint/rule.ts").Rule<{
    sections: string[];
}>;
export default _default;
