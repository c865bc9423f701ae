// Types of generate-build-info.mjs for the TypeScript tests.
export function buildInfoSource(): string;
