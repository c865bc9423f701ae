#!/usr/bin/env node
// The only place that touches process.argv, stdin and the exit code.
import { fstatSync, statSync } from 'node:fs';
import { run } from './run.js';
import { ExitCode } from './io.js';
import { decodeText, describeBytes, InputRefused, maxInputBytes } from './input-limits.js';

/** Reads stdin up to maxInputBytes; a larger or non-text stream is refused with a clear message. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxInputBytes) {
      process.stdin.destroy();
      throw new InputRefused({ rule: 'input-too-large', messageId: 'stdin', data: { limit: describeBytes(maxInputBytes) } });
    }
    chunks.push(chunk as Buffer);
  }
  const decoded = decodeText(Buffer.concat(chunks));
  if (!decoded.ok) throw new InputRefused(decoded.problem);
  return decoded.text;
}

/** A terminal, decided without creating the stdio stream (process.stderr is only made when written to): a character device that is not /dev/null. */
function isTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isCharacterDevice() && st.rdev !== statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin,
  cwd: process.cwd(),
  env: process.env,
  stderrIsTTY: isTerminal(2),
  tty: { stdout: isTerminal(1), stderr: isTerminal(2) },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`vmcp-admission: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = ExitCode.internal;
  },
);
