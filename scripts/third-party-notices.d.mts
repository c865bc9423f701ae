// Types of third-party-notices.mjs for the TypeScript tests.
export function packageDirsOf(inputs: readonly string[]): string[];
export function thirdPartyNotices(root: string, inputs: readonly string[]): string;
