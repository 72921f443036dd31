import type { SectionKind } from '../src/core/model.ts';
type Options = {
    names: Partial<Record<SectionKind, string>>;
};
declare const _default: import("../src/lint/rule.ts").Rule<Options>;
export default _default;
