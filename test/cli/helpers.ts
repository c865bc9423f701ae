// Shared by the CLI tests: an injected CliIo that records output, and scratch directories.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';

export interface RecordingIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function recordingIo(cwd: string, stdin: string | Error = ''): RecordingIo {
  let out = '';
  let err = '';
  return {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readStdin: () => (stdin instanceof Error ? Promise.reject(stdin) : Promise.resolve(stdin)),
    cwd,
    env: {},
    out: () => out,
    err: () => err,
  };
}

/** A scratch directory with the given files (path -> content); returns its path and a cleanup. */
export function scratch(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-cli-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const fixturesDir = new URL('./fixtures/', import.meta.url).pathname;
