interface Options extends Record<string, unknown> {
    toleranceMinutes: number;
    tolerancePercent: number;
}
declare const _default: import("../src/lint/rule.ts").Rule<Options>;
export default _default;
