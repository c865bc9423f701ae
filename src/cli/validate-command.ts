// `vmcp-admission validate`: arguments -> schemas -> inputs -> per-document verdicts -> one
// formatted report on stdout. Exit codes: 0 all allowed, 1 any denied, 2 usage error or
// unreadable/unparseable input (or no document at all), 3 internal error. Never prints a stack trace.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SchemaProvider } from '../core/validate.js';
import { parseValidateArgs, type ValidateOptions } from './args.js';
import { checkInputs } from './check.js';
import { loadFormatter } from './formatters/index.js';
import { decodeText, describeBytes, maxInputBytes } from './input-limits.js';
import { problemText } from './input-problem.js';
import { describeFsError, readInputs } from './inputs.js';
import { ExitCode, type CliIo, type Command } from './io.js';
import { exitCodeOf, makeReport } from './report.js';
import { setUpRelations } from './relations-options.js';

const prefix = 'vmcp-admission validate';
const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

type Loaded = { ok: true; schemas: SchemaProvider } | { ok: false; code: ExitCode; message: string };

async function loadCrd(file: string, io: CliIo): Promise<Loaded> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(io.cwd, file));
  } catch (err) {
    return { ok: false, code: ExitCode.usage, message: `--crd ${file}: ${problemText(describeFsError(err))}` };
  }
  if (bytes.length > maxInputBytes) return { ok: false, code: ExitCode.usage, message: `--crd ${file}: larger than ${describeBytes(maxInputBytes)}` };
  const text = decodeText(bytes);
  if (!text.ok) return { ok: false, code: ExitCode.usage, message: `--crd ${file}: ${problemText(text.problem)}` };
  const { schemasFromCrdText } = await import('../core/schema/from-crd.js');
  const loaded = schemasFromCrdText(text.text, file);
  if (loaded.ok) return { ok: true, schemas: loaded.provider };
  // The loader's errors usually name the file already.
  const error = loaded.error.startsWith(`${file}:`) ? loaded.error : `${file}: ${loaded.error}`;
  return { ok: false, code: ExitCode.usage, message: `--crd ${error}` };
}

async function loadSchemas(options: ValidateOptions, io: CliIo): Promise<Loaded> {
  if (options.crd !== undefined) return loadCrd(options.crd, io);
  try {
    const { loadBuiltinSchemas } = await import('../core/schema/builtin.js');
    return { ok: true, schemas: await loadBuiltinSchemas() };
  } catch (err) {
    return { ok: false, code: ExitCode.internal, message: `internal error: cannot load the built-in schemas: ${messageOf(err)}` };
  }
}

async function validate(options: ValidateOptions, io: CliIo): Promise<number> {
  const loaded = await loadSchemas(options, io);
  if (!loaded.ok) {
    io.stderr(`${prefix}: ${loaded.message}\n`);
    return loaded.code;
  }
  const inputs = await readInputs(options.inputs, io);
  const related = await setUpRelations(options.relations, inputs, io.cwd);
  if (!related.ok) {
    io.stderr(`${prefix}: ${related.message}\n`);
    return ExitCode.usage;
  }
  const checkOptions = { mode: options.mode, schemas: related.schemas ?? loaded.schemas, quiet: options.quiet, ...(related.relations === undefined ? {} : { relations: related.relations }) };
  const report = makeReport(options.mode, checkInputs(inputs, checkOptions));
  io.stdout((await loadFormatter(options.output))(report));
  if (report.documents.length === 0) io.stderr(`${prefix}: no YAML document found in ${options.inputs.join(', ')}\n`);
  return exitCodeOf(report);
}

export const validateCommand: Command = async (argv, io) => {
  const parsed = parseValidateArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(parsed.help);
    return ExitCode.ok;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(`${prefix}: ${parsed.message}\n\n${parsed.help}`);
    return ExitCode.usage;
  }
  try {
    return await validate(parsed.options, io);
  } catch (err) {
    io.stderr(`${prefix}: internal error: ${messageOf(err)}\n`);
    return ExitCode.internal;
  }
};
