#!/usr/bin/env node
// The only place that touches process.argv, stdin and the exit code.
import { run } from './run.js';
import { ExitCode } from './io.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin,
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`vmcp-admission: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = ExitCode.internal;
  },
);
