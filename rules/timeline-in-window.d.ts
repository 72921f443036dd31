type Side = 'all' | 'incident' | 'none';
interface Options extends Record<string, unknown> {
    before: Side;
    after: Side;
    toleranceMinutes: number;
}
declare const _default: import("../src/lint/rule.ts").Rule<Options>;
export default _default;
