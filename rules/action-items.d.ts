type Options = {
    requireOwner: boolean;
    requireTicket: boolean;
    requireDue: boolean;
};
declare const _default: import("../src/lint/rule.ts").Rule<Options>;
export default _default;
