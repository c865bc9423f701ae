// `vmcp-admission validate`: arguments -> schemas -> inputs -> per-document verdicts -> one
// formatted report on stdout. Exit codes: 0 all allowed, 1 any denied, 2 usage error or
// unreadable/unparseable input (or no document at all), 3 internal error. Never prints a stack trace.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SchemaProvider } from '../core/validate.js';
import { parseValidateArgs, resolveValidateOptions, validateHelp, type ValidateFlags, type ValidateOptions } from './args.js';
import { checkInputs } from './check.js';
import { loadConfigFile } from './config-file.js';
import { runParsed } from './command-line.js';
import { loadFormatter } from './formatters/index.js';
import { globMatcher } from './glob.js';
import { decodeText, describeBytes, maxInputBytes } from './input-limits.js';
import { problemText } from './input-problem.js';
import { describeFsError, readInputs, stdinName } from './inputs.js';
import { ExitCode, type CliIo, type Command } from './io.js';
import { exitCodeOf, judgedCount, makeReport, type Report } from './report.js';
import { setUpRelations } from './relations-options.js';
import { progressLine, useColor, useProgress } from './terminal.js';

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

/** The report, or a message when the relations' cluster cannot be read (an environment error). */
async function judgeInputs(options: ValidateOptions, schemas: SchemaProvider, io: CliIo): Promise<Report | string> {
  const inputs = await readInputs(options.inputs, io, { excluded: globMatcher(options.exclude), stdinName: options.stdinFilename ?? stdinName });
  const related = await setUpRelations(options.relations, inputs, io.cwd);
  if (!related.ok) return related.message;
  const progress = useProgress(io.env, io.tty?.stderr === true, options.progress) ? progressLine(io.stderr) : undefined;
  const checkOptions = {
    mode: options.mode,
    schemas: related.schemas ?? schemas,
    quiet: options.quiet,
    disabled: new Set(options.disable),
    ...(progress === undefined ? {} : { onProgress: progress.update }),
    ...(related.relations === undefined ? {} : { relations: related.relations }),
  };
  const report = makeReport(options.mode, checkInputs(inputs, checkOptions));
  progress?.done();
  return report;
}

async function validate(options: ValidateOptions, io: CliIo): Promise<number> {
  const loaded = await loadSchemas(options, io);
  if (!loaded.ok) {
    io.stderr(`${prefix}: ${loaded.message}\n`);
    return loaded.code;
  }
  const report = await judgeInputs(options, loaded.schemas, io);
  if (typeof report === 'string') {
    io.stderr(`${prefix}: ${report}\n`);
    return ExitCode.usage;
  }
  io.stdout((await loadFormatter(options.output))(report, { color: useColor(io.env, io.tty?.stdout === true) }));
  if (report.documents.length === 0) io.stderr(`${prefix}: no YAML document found in ${options.inputs.join(', ')}\n`);
  const code = exitCodeOf(report, options.failOn);
  if (code === ExitCode.ok && options.failIfNoMatch && judgedCount(report) === 0) {
    io.stderr(`${prefix}: no VirtualMCPServer found in ${options.inputs.join(', ')} (--fail-if-no-match)\n`);
    return ExitCode.usage;
  }
  return code;
}

/** Flags + the config file in effect (a broken file is a configuration error: exit 2, one line). */
async function withConfigFile(flags: ValidateFlags, io: CliIo): Promise<ValidateOptions | string> {
  const file = await loadConfigFile(flags.config, io.cwd);
  return file.ok ? resolveValidateOptions(flags, file.options) : file.error;
}

export const validateCommand: Command = (argv, io) =>
  runParsed({ name: 'validate', help: validateHelp }, parseValidateArgs(argv), io, async (flags) => {
    try {
      const options = await withConfigFile(flags, io);
      if (typeof options === 'string') {
        io.stderr(`${prefix}: ${options}\n`);
        return ExitCode.usage;
      }
      return await validate(options, io);
    } catch (err) {
      io.stderr(`${prefix}: internal error: ${messageOf(err)}\n`);
      return ExitCode.internal;
    }
  });
