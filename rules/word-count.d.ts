type Options = {
    min?: number;
    max?: number;
};
declare const _default: import("../src/lint/rule.ts").Rule<Options>;
export default _default;
