interface Options extends Record<string, unknown> {
    maxDaysApart: number;
    futureDays: number;
}
declare const _default: import("../src/lint/rule.ts").Rule<Options>;
export default _default;
