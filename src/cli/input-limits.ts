// Bounds every input the CLI reads, so a huge file, a pipe that never ends or binary garbage
// stops with a clear message instead of exhausting memory. Tiny on purpose: main.ts imports it.

/** Largest file or stdin accepted (bytes). The API server's own request limit is 3 MiB per object. */
export const maxInputBytes = 32 * 1024 * 1024;

/** Documents (empty ones included) read from one input; each costs time and memory even when tiny. */
export const maxDocuments = 100_000;

/** Alias expansions allowed per YAML document before it is treated as an alias bomb. */
export const maxAliasCount = 100;

export type DecodedText = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-8 bytes -> text, refusing what a YAML manifest cannot be (NUL bytes, invalid UTF-8). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.includes(0)) return { ok: false, reason: 'binary data (NUL byte), not a YAML or JSON text' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}

/** "32 MiB" for messages. */
export function describeBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}
