// Trace lines, pure: JSON Lines, one tools/call per line:
//   {"t": <seconds since start, non-decreasing>, "tool": "<name as the limiter sees it>", "user": "<subject>"}
// `user` absent, null or "" = no identity. Blank lines are skipped. Any other key is refused (a typo
// such as "usr" would otherwise silently turn every call anonymous).

export interface TraceCall {
  readonly t: number;
  readonly tool: string;
  /** "" = no identity: per-user buckets are skipped. */
  readonly user: string;
}

export type TraceLine = { readonly call: TraceCall } | { readonly error: string } | null;

const KEYS = new Set(['t', 'tool', 'user']);
/** Beyond ~31 years, microseconds would no longer be exact integers in a double. */
export const MAX_T = 1e9;

const describe = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));

function fieldError(record: Record<string, unknown>, previousT: number): string | undefined {
  const unknown = Object.keys(record).find((k) => !KEYS.has(k));
  if (unknown !== undefined) return `unknown field ${JSON.stringify(unknown)}: a call has only "t", "tool" and "user"`;
  return timeError(record.t, previousT) ?? nameError(record.tool, record.user);
}

function timeError(t: unknown, previousT: number): string | undefined {
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > MAX_T) return `"t" must be a number of seconds from 0 to ${MAX_T}, got ${describe(t)}`;
  return t < previousT ? `"t" ${t} is before the previous call's ${previousT}: calls must be in time order` : undefined;
}

function nameError(tool: unknown, user: unknown): string | undefined {
  if (typeof tool !== 'string' || tool === '') return `"tool" must be a non-empty string, got ${describe(tool)}`;
  if (user !== undefined && user !== null && typeof user !== 'string') return `"user" must be a string (or absent), got ${describe(user)}`;
  return undefined;
}

/** One line of a trace; `previousT` is the t of the call before (0 for the first). Null for a blank line. */
export function parseTraceLine(line: string, previousT: number): TraceLine {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: `a call must be a JSON object, got ${describe(value)}` };
  const record = value as Record<string, unknown>;
  const error = fieldError(record, previousT);
  if (error !== undefined) return { error };
  return { call: { t: record.t as number, tool: record.tool as string, user: typeof record.user === 'string' ? record.user : '' } };
}

/** Every call of a whole trace text, or the first bad line as `<line>: <error>` (1-based). */
export function parseTrace(text: string): { calls: TraceCall[] } | { line: number; error: string } {
  const calls: TraceCall[] = [];
  let previous = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseTraceLine(lines[i]!.replace(/\r$/, ''), previous);
    if (parsed === null) continue;
    if ('error' in parsed) return { line: i + 1, error: parsed.error };
    calls.push(parsed.call);
    previous = parsed.call.t;
  }
  return { calls };
}
