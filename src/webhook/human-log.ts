// Human-readable log lines for `serve` on a terminal: `12:00:00.123 INFO  listening port=8443 ...`
// from pino's JSON lines. Off a terminal the JSON goes out unchanged (log collectors parse it).
const levels: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const omitted = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name']);

const valueText = (v: unknown): string => (typeof v === 'string' && !/\s|"/.test(v) ? v : JSON.stringify(v));

/** One pino JSON line -> one human line; anything that is not JSON passes through. */
export function humanLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 23) : '';
  const level = levels[entry.level as number] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([k]) => !omitted.has(k))
    .map(([k, v]) => `${k}=${valueText(v)}`);
  return `${time} ${level} ${typeof entry.msg === 'string' ? entry.msg : ''}${fields.length === 0 ? '' : ` ${fields.join(' ')}`}\n`;
}

/** A pino destination that writes human lines. */
export function humanLogStream(write: (text: string) => void): { write: (chunk: string) => void } {
  return { write: (chunk) => write(humanLine(chunk.trimEnd())) };
}
