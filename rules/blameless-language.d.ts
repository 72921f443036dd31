interface Hit {
    start: number;
    end: number;
    message: string;
}
export declare function findBlame(text: string, extraWords?: readonly string[]): Hit[];
declare const _default: import("../src/lint/rule.ts").Rule<{
    extraWords: string[];
}>;
export default _default;
