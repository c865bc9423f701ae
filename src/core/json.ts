// The one test for "a JSON object" (not null, not a list) that every layer narrows with.
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
