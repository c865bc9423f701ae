// Turns the command-line inputs (files, directories, `-`) into texts, in a deterministic order.
// Anything unreadable becomes an InputError value naming the input; nothing here throws for bad input.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CliIo } from './io.js';
import { decodeText, describeBytes, maxInputBytes } from './input-limits.js';

export const stdinName = '<stdin>';
const manifestExtensions = ['.yaml', '.yml', '.json'];

export interface InputText {
  readonly kind: 'text';
  readonly source: string;
  readonly text: string;
}

export interface InputError {
  readonly kind: 'error';
  readonly source: string;
  /** Rule id of the input problem (see input-rules.ts). */
  readonly rule: 'input-unreadable' | 'input-too-large' | 'input-not-text' | 'input-no-manifests';
  readonly message: string;
}

export type Input = InputText | InputError;

const inputError = (source: string, rule: InputError['rule'], message: string): InputError => ({ kind: 'error', source, rule, message });

export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'cannot read: no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read: permission denied';
  return `cannot read: ${err instanceof Error ? err.message : String(err)}`;
}

async function readTextFile(absolute: string, source: string): Promise<Input> {
  try {
    const info = await stat(absolute);
    if (info.size > maxInputBytes) return inputError(source, 'input-too-large', `file is larger than ${describeBytes(maxInputBytes)}`);
    const decoded = decodeText(await readFile(absolute));
    return decoded.ok ? { kind: 'text', source, text: decoded.text } : inputError(source, 'input-not-text', decoded.reason);
  } catch (err) {
    return inputError(source, 'input-unreadable', describeFsError(err));
  }
}

const isManifestName = (name: string): boolean => manifestExtensions.some((ext) => name.endsWith(ext));
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Manifest files under a directory, recursively, as paths relative to it, sorted per level. Symlinked directories are not followed. */
async function listManifests(absolute: string, relative: string): Promise<string[]> {
  const entries = (await readdir(absolute, { withFileTypes: true })).sort((a, b) => byCodeUnit(a.name, b.name));
  const found: string[] = [];
  for (const entry of entries) {
    const rel = relative === '' ? entry.name : join(relative, entry.name);
    if (entry.isDirectory()) found.push(...(await listManifests(join(absolute, entry.name), rel)));
    else if (isManifestName(entry.name) && (entry.isFile() || entry.isSymbolicLink())) found.push(rel);
  }
  return found;
}

async function readDirectory(absolute: string, source: string): Promise<Input[]> {
  try {
    const files = await listManifests(absolute, '');
    if (files.length === 0) return [inputError(source, 'input-no-manifests', 'directory contains no .yaml, .yml or .json files')];
    const out: Input[] = [];
    for (const f of files) out.push(await readTextFile(join(absolute, f), join(source, f)));
    return out;
  } catch (err) {
    return [inputError(source, 'input-unreadable', describeFsError(err))];
  }
}

async function readStdin(io: CliIo): Promise<Input> {
  try {
    const text = await io.readStdin();
    if (text.length > maxInputBytes) return inputError(stdinName, 'input-too-large', `input is larger than ${describeBytes(maxInputBytes)}`);
    if (text.includes('\u0000')) return inputError(stdinName, 'input-not-text', 'binary data (NUL byte), not a YAML or JSON text');
    return { kind: 'text', source: stdinName, text };
  } catch (err) {
    return inputError(stdinName, 'input-unreadable', `cannot read standard input: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Reads every input; order follows the arguments, then the sorted directory listing. */
export async function readInputs(args: readonly string[], io: CliIo): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(await readStdin(io));
      continue;
    }
    const absolute = resolve(io.cwd, arg);
    const isDir = await stat(absolute).then((s) => s.isDirectory(), () => false);
    out.push(...(isDir ? await readDirectory(absolute, arg) : [await readTextFile(absolute, arg)]));
  }
  return out;
}
