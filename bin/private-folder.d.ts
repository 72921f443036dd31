// Types of bin/private-folder.js (plain JavaScript: bin/ runs on Node 20 without a build).
export function userCacheFolder(env?: NodeJS.ProcessEnv, warn?: (message: string) => void): string | null;
export function privateFolder(dir: string): { folder: string } | { untrusted: string } | { missing: string };
