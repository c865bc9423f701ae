// PURE argument parsing for `validate`: argv -> options, or a usage error carrying the help text
// (returned, never printed, so the caller decides the stream and the exit code).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Mode } from '../core/validate.js';
import { parseRelationsFlags, relationsHelp, relationsOptionSpec, type RelationsFlags } from './relations-options.js';

export const outputFormats = ['text', 'json', 'junit', 'sarif', 'github'] as const;
export type OutputFormat = (typeof outputFormats)[number];
const modes: readonly Mode[] = ['strict', 'crd'];

export interface ValidateOptions {
  readonly mode: Mode;
  readonly output: OutputFormat;
  readonly crd: string | undefined;
  readonly quiet: boolean;
  /** Files, directories or `-` (stdin), in the order given, without repeats. */
  readonly inputs: readonly string[];
  /** --refs, --kubeconfig, --context, --crd-from-cluster (relations-options.ts). */
  readonly relations: RelationsFlags;
}

export type ParsedArgs =
  | { readonly kind: 'options'; readonly options: ValidateOptions }
  | { readonly kind: 'help'; readonly help: string }
  | { readonly kind: 'usage-error'; readonly message: string; readonly help: string };

export const validateHelp = `Usage: vmcp-admission validate [options] <path|dir|->...

Validates VirtualMCPServer manifests offline: as the Kubernetes API server with the ToolHive CRD
would (--mode crd) and, by default, also as the operator and the vMCP runtime would (--mode strict).

Arguments:
  <path|dir|->          YAML or JSON files, directories (searched recursively for .yaml, .yml
                        and .json files) or - for standard input; files may hold many documents

Options:
  --mode strict|crd     strict (default): API server checks plus runtime parity; crd: exactly
                        the API server's verdict
  -o, --output FORMAT   text (default), json, junit, sarif or github
  --crd FILE            validate against this CRD file instead of the built-in schemas
  -q, --quiet           report errors only, no warnings
${relationsHelp}  -h, --help            show this help

Exit codes: 0 all allowed, 1 any denied, 2 usage error or unreadable/unparseable input,
3 internal error.
`;

const optionSpec = {
  mode: { type: 'string' },
  output: { type: 'string', short: 'o' },
  crd: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  ...relationsOptionSpec,
} as const;

const usageError = (message: string): ParsedArgs => ({ kind: 'usage-error', message, help: validateHelp });

export type Picked<T> = { readonly value: T } | { readonly error: string };

/** One of the allowed values for a flag, the fallback when absent, or an error naming the allowed values. */
export function pick<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): Picked<T> {
  if (value === undefined) return { value: fallback };
  const found = allowed.find((a) => a === value);
  return found !== undefined ? { value: found } : { error: `unknown ${flag} "${value}": allowed values are ${allowed.join(', ')}` };
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;
type CommandLine<O extends OptionSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** Strict node:util parseArgs with positionals; a parse failure comes back as its message. */
export function readCommandLine<O extends OptionSpec>(argv: readonly string[], options: O): CommandLine<O> | { readonly error: string } {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** Parses the arguments after `validate`. */
export function parseValidateArgs(argv: readonly string[]): ParsedArgs {
  const parsed = readCommandLine(argv, optionSpec);
  if ('error' in parsed) return usageError(parsed.error);
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help', help: validateHelp };
  const mode = pick('--mode', values.mode, modes, 'strict');
  if ('error' in mode) return usageError(mode.error);
  const output = pick('--output', values.output, outputFormats, 'text');
  if ('error' in output) return usageError(output.error);
  if (values.crd === '') return usageError('--crd needs a file name');
  if (positionals.length === 0) return usageError('no input: give files, directories or - for standard input');
  const relations = parseRelationsFlags(values);
  if ('error' in relations) return usageError(relations.error);
  if (values.crd !== undefined && relations.crdFromCluster) return usageError('--crd and --crd-from-cluster exclude each other');
  const options: ValidateOptions = {
    mode: mode.value,
    output: output.value,
    crd: values.crd,
    quiet: values.quiet === true,
    inputs: [...new Set(positionals)],
    relations,
  };
  return { kind: 'options', options };
}
