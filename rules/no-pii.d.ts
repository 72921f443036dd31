export interface PiiHit {
    kind: 'email' | 'phone';
    value: string;
    start: number;
    end: number;
}
export declare function findEmails(text: string, allowDomains?: readonly string[]): PiiHit[];
export declare function findPhones(text: string): PiiHit[];
export declare function maskedPii(hit: PiiHit): string;
declare const _default: import("../src/lint/rule.ts").Rule<{
    allowDomains: string[];
}>;
export default _default;
