// Turns the command-line inputs (files, directories, `-`) into texts, in a deterministic order.
// Anything unreadable becomes an InputError value naming the input; nothing here throws for bad input.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PathMatcher } from './glob.js';
import type { CliIo } from './io.js';
import { decodeText, describeBytes, InputRefused, maxInputBytes } from './input-limits.js';
import { problemText, type InputProblem } from './input-problem.js';

export const stdinName = '<stdin>';
const manifestExtensions = ['.yaml', '.yml', '.json'];

export interface ReadOptions {
  /** Paths (as findings name them) to leave out: `--exclude`. */
  readonly excluded: PathMatcher;
  /** The name standard input goes by (`--stdin-filename`), default `<stdin>`. */
  readonly stdinName: string;
}

const defaultReadOptions: ReadOptions = { excluded: () => false, stdinName };

/** Folders a directory walk never enters (an explicit path argument still does): dependencies, VCS, hidden. */
export const isSkippedFolder = (name: string): boolean => name === 'node_modules' || name.startsWith('.');

export interface InputText {
  readonly kind: 'text';
  readonly source: string;
  readonly text: string;
}

/** An input that cannot be read: its problem (rule, message id, slots; see core/rules/input-rules.ts). */
export type InputError = { readonly kind: 'error'; readonly source: string } & InputProblem<InputErrorRule>;
type InputErrorRule = 'input-unreadable' | 'input-too-large' | 'input-not-text' | 'input-no-manifests';

export type Input = InputText | InputError;

const inputError = (source: string, p: InputProblem<InputErrorRule>): InputError => ({ kind: 'error', source, ...p });

/** An error's text; a refused stdin's from its problem's rule. */
const errorText = (err: unknown): string => (err instanceof InputRefused ? problemText(err.problem) : err instanceof Error ? err.message : String(err));

export function describeFsError(err: unknown): InputProblem<'input-unreadable'> {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return { rule: 'input-unreadable', messageId: 'noSuchFile', data: {} };
  if (code === 'EACCES' || code === 'EPERM') return { rule: 'input-unreadable', messageId: 'permissionDenied', data: {} };
  return { rule: 'input-unreadable', messageId: 'unreadable', data: { error: errorText(err) } };
}

async function readTextFile(absolute: string, source: string): Promise<Input> {
  try {
    const info = await stat(absolute);
    if (info.size > maxInputBytes) return inputError(source, { rule: 'input-too-large', messageId: 'file', data: { limit: describeBytes(maxInputBytes) } });
    const decoded = decodeText(await readFile(absolute));
    return decoded.ok ? { kind: 'text', source, text: decoded.text } : inputError(source, decoded.problem);
  } catch (err) {
    return inputError(source, describeFsError(err));
  }
}

const isManifestName = (name: string): boolean => manifestExtensions.some((ext) => name.endsWith(ext));
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Walk {
  readonly source: string;
  readonly excluded: PathMatcher;
}

/**
 * Manifest files under a directory, recursively, as paths relative to it, sorted per level. Symlinked
 * directories are not followed; node_modules, .git and other hidden folders are skipped, and so is
 * every path `--exclude` matches (tested as the finding would name it: `<source>/<relative>`).
 */
async function listManifests(absolute: string, relative: string, walk: Walk): Promise<string[]> {
  const entries = (await readdir(absolute, { withFileTypes: true })).sort((a, b) => byCodeUnit(a.name, b.name));
  const found: string[] = [];
  for (const entry of entries) {
    const rel = relative === '' ? entry.name : join(relative, entry.name);
    if (walk.excluded(join(walk.source, rel))) continue;
    if (entry.isDirectory()) found.push(...(isSkippedFolder(entry.name) ? [] : await listManifests(join(absolute, entry.name), rel, walk)));
    else if (isManifestName(entry.name) && (entry.isFile() || entry.isSymbolicLink())) found.push(rel);
  }
  return found;
}

async function readDirectory(absolute: string, source: string, excluded: PathMatcher): Promise<Input[]> {
  try {
    const files = await listManifests(absolute, '', { source, excluded });
    if (files.length === 0) return [inputError(source, { rule: 'input-no-manifests', messageId: 'noManifests', data: {} })];
    const out: Input[] = [];
    for (const f of files) out.push(await readTextFile(join(absolute, f), join(source, f)));
    return out;
  } catch (err) {
    return [inputError(source, describeFsError(err))];
  }
}

async function readStdin(io: CliIo, name: string): Promise<Input> {
  try {
    const text = await io.readStdin();
    if (text.length > maxInputBytes) return inputError(name, { rule: 'input-too-large', messageId: 'stdin', data: { limit: describeBytes(maxInputBytes) } });
    if (text.includes('\u0000')) return inputError(name, { rule: 'input-not-text', messageId: 'binary', data: {} });
    return { kind: 'text', source: name, text };
  } catch (err) {
    return inputError(name, { rule: 'input-unreadable', messageId: 'stdin', data: { error: errorText(err) } });
  }
}

/** Reads every input; order follows the arguments, then the sorted directory listing. An explicit file `--exclude` matches is left out. */
export async function readInputs(args: readonly string[], io: CliIo, options: ReadOptions = defaultReadOptions): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(await readStdin(io, options.stdinName));
      continue;
    }
    const absolute = resolve(io.cwd, arg);
    const isDir = await stat(absolute).then((s) => s.isDirectory(), () => false);
    if (isDir) out.push(...(await readDirectory(absolute, arg, options.excluded)));
    else if (!options.excluded(arg)) out.push(await readTextFile(absolute, arg));
  }
  return out;
}
