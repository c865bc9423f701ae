// Bounds every input the CLI reads, so a huge file, a pipe that never ends or binary garbage
// stops with a clear message instead of exhausting memory. Tiny on purpose: main.ts imports it (the
// texts of its problems are in core/rules/input-rules.ts; this file only names them).
import type { InputProblem } from './input-problem.js';

/** Largest file or stdin accepted (bytes). The API server's own request limit is 3 MiB per object. */
export const maxInputBytes = 32 * 1024 * 1024;

/** Documents (empty ones included) read from one input; each costs time and memory even when tiny. */
export const maxDocuments = 100_000;

/** Alias expansions allowed per YAML document before it is treated as an alias bomb. */
export const maxAliasCount = 100;

export type DecodedText = { ok: true; text: string } | { ok: false; problem: InputProblem<'input-not-text'> };

/** Thrown by a stdin reader that refuses the stream (too large, not text); the text comes from the problem's rule. */
export class InputRefused extends Error {
  constructor(readonly problem: InputProblem<'input-too-large' | 'input-not-text'>) {
    super(`${problem.rule}: ${problem.messageId}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-16 with a byte order mark (what some Windows editors save) -> text, as kubectl reads it. */
function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): DecodedText {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) return { ok: false, problem: { rule: 'input-not-text', messageId: 'notUtf16', data: {} } };
  const le = bigEndian ? Buffer.from(body).swap16() : body;
  try {
    return { ok: true, text: new TextDecoder('utf-16le', { fatal: true }).decode(le) };
  } catch {
    return { ok: false, problem: { rule: 'input-not-text', messageId: 'notUtf16', data: {} } };
  }
}

/** UTF-8 (or UTF-16 with a BOM) bytes -> text, refusing what a YAML manifest cannot be (NUL bytes, invalid UTF-8). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, false);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, true);
  if (bytes.includes(0)) return { ok: false, problem: { rule: 'input-not-text', messageId: 'binary', data: {} } };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, problem: { rule: 'input-not-text', messageId: 'notUtf8', data: {} } };
  }
}

/** "32 MiB" for messages. */
export function describeBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}
