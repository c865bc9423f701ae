// PURE argument parsing for `validate`: argv -> the flags given (nothing defaulted yet, so a config
// file can fill the rest), then flags + file -> options. Help and usage errors are returned, never
// printed (command-line.ts prints them the same way for every command).
import type { Mode } from '../core/validate.js';
import { checkDisable } from '../core/rules/control.js';
import { pick, readCommandLine, usageError, type Parsed } from './command-line.js';
import { parseRelationsFlags, relationsHelp, relationsOptionSpec, type RelationsFlags } from './relations-options.js';

/** The shared parser's helpers, for the commands that still import them from here. */
export { pick, readCommandLine } from './command-line.js';

export const outputFormats = ['text', 'json', 'junit', 'sarif', 'github'] as const;
export type OutputFormat = (typeof outputFormats)[number];
export const modes: readonly Mode[] = ['strict', 'crd'];
export const failOnLevels = ['error', 'warning'] as const;
export type FailOn = (typeof failOnLevels)[number];
/** Issue #13's reference checks; accepted and passed through here, implemented there. */
export const refsLevels = ['warn', 'deny', 'off'] as const;
export type Refs = (typeof refsLevels)[number];

export interface ValidateOptions {
  readonly mode: Mode;
  readonly output: OutputFormat;
  readonly crd: string | undefined;
  readonly quiet: boolean;
  /** Files, directories or `-` (stdin), in the order given, without repeats. */
  readonly inputs: readonly string[];
  /** Rule ids turned off (checked: registered and not enforced by the API server). */
  readonly disable: readonly string[];
  /** `warning`: warnings fail the run too (exit 1). */
  readonly failOn: FailOn;
  /** Globs of paths skipped while walking directories (and explicit files matching them). */
  readonly exclude: readonly string[];
  /** Exit 2 when no VirtualMCPServer was judged. */
  readonly failIfNoMatch: boolean;
  /** The name standard input goes by in findings. */
  readonly stdinFilename: string | undefined;
  /** Force the progress line on stderr (otherwise only on a TTY outside CI). */
  readonly progress: boolean;
  /** --refs (else the config file's refs), --kubeconfig, --context, --crd-from-cluster (relations-options.ts). */
  readonly relations: RelationsFlags;
  /** `--config FILE`, or false for `--no-config`; undefined = look for .vmcp-admission.yaml upward. */
  readonly config: string | false | undefined;
}

/** What a config file may set (the same names as the flags; see config-file.ts for its schema). */
export interface FileOptions {
  readonly mode?: Mode;
  readonly output?: OutputFormat;
  readonly disable?: readonly string[];
  readonly failOn?: FailOn;
  readonly exclude?: readonly string[];
  readonly refs?: Refs;
}

export const validateHelp = `Usage: vmcp-admission validate [options] <path|dir|->...

Validates VirtualMCPServer manifests offline: as the Kubernetes API server with the ToolHive CRD
would (--mode crd) and, by default, also as the operator and the vMCP runtime would (--mode strict).

Arguments:
  <path|dir|->          YAML or JSON files, directories (searched recursively for .yaml, .yml
                        and .json files, skipping node_modules, .git and hidden folders) or -
                        for standard input; files may hold many documents

Options:
  --mode strict|crd     strict (default): API server checks plus runtime parity; crd: exactly
                        the API server's verdict
  -o, --output FORMAT   text (default), json, junit, sarif or github
  --crd FILE            validate against this CRD file instead of the built-in schemas
  -q, --quiet           report errors only, no warnings
  --disable ID          turn a runtime, lint or render rule off (repeatable); schema, CEL and
                        metadata rules cannot be: the API server enforces them anyway
  --fail-on LEVEL       error (default) or warning: warnings fail the run too (exit 1)
  --exclude GLOB        skip matching paths (repeatable; * within a name, ** across folders)
  --fail-if-no-match    exit 2 when no VirtualMCPServer was found in the input
  --stdin-filename NAME name standard input NAME in findings (default <stdin>)
  --config FILE         read options from FILE instead of the nearest .vmcp-admission.yaml
  --no-config           ignore .vmcp-admission.yaml files
  --progress            show a progress line on stderr even when it is not a terminal
${relationsHelp}  -h, --help            show this help

A per-object annotation vmcp-admission.toolhive.dev/ignore: <id>[,<id>] silences WARNINGS of those
rules for that object (never an error). 'vmcp-admission rules' lists every rule.

Exit codes: 0 all allowed, 1 any denied (or warned, with --fail-on warning), 2 usage,
configuration or unreadable/unparseable input, 3 internal error.
`;

const optionSpec = {
  mode: { type: 'string' },
  output: { type: 'string', short: 'o' },
  crd: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  disable: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  exclude: { type: 'string', multiple: true },
  'fail-if-no-match': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...relationsOptionSpec,
} as const;

/** The flags as given; fields a config file may set stay undefined when absent. */
export interface ValidateFlags extends FileOptions {
  readonly crd: string | undefined;
  readonly quiet: boolean;
  readonly inputs: readonly string[];
  readonly failIfNoMatch: boolean;
  readonly stdinFilename: string | undefined;
  readonly progress: boolean;
  readonly config: string | false | undefined;
  /** --kubeconfig, --context, --crd-from-cluster as given (checked); --refs is among the file options. */
  readonly cluster: { readonly kubeconfig?: string | undefined; readonly context?: string | undefined; readonly 'crd-from-cluster'?: boolean | undefined };
}

type Values = Partial<Record<keyof typeof optionSpec, string | boolean | string[]>>;

function checkValues(values: Values, positionals: readonly string[]): string | undefined {
  if (values.crd === '') return '--crd needs a file name';
  if (values.config === '') return '--config needs a file name';
  if (values.config !== undefined && values['no-config'] === true) return '--config and --no-config exclude each other';
  if (values['stdin-filename'] === '') return '--stdin-filename needs a name';
  if (positionals.length === 0) return 'no input: give files, directories or - for standard input';
  if (positionals.filter((p) => p === '-').length > 1) return 'standard input (-) given more than once';
  return undefined;
}

/** A flag's value among the allowed ones, or undefined when not given. */
function optional<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): { value: T | undefined } | { error: string } {
  if (value === undefined) return { value: undefined };
  return pick(flag, value, allowed, allowed[0]!);
}

/** Parses the arguments after `validate`. */
export function parseValidateArgs(argv: readonly string[]): Parsed<ValidateFlags> {
  const parsed = readCommandLine(argv, optionSpec);
  if ('error' in parsed) return usageError(parsed.error);
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  const problem = checkValues(values, positionals);
  if (problem !== undefined) return usageError(problem);
  const fileOptions = fileOptionFlags(values);
  if ('error' in fileOptions) return usageError(fileOptions.error);
  const relations = parseRelationsFlags(values);
  if ('error' in relations) return usageError(relations.error);
  if (values.crd !== undefined && relations.crdFromCluster) return usageError('--crd and --crd-from-cluster exclude each other');
  const flags: ValidateFlags = {
    ...fileOptions,
    crd: values.crd,
    quiet: values.quiet === true,
    inputs: [...new Set(positionals)],
    failIfNoMatch: values['fail-if-no-match'] === true,
    stdinFilename: values['stdin-filename'],
    progress: values.progress === true,
    config: values['no-config'] === true ? false : values.config,
    cluster: { kubeconfig: values.kubeconfig, context: values.context, 'crd-from-cluster': values['crd-from-cluster'] },
  };
  return { kind: 'options', options: flags };
}

/** The flags a config file may also set, checked. */
function fileOptionFlags(values: Values & { disable?: string[]; exclude?: string[] }): FileOptions | { error: string } {
  const mode = optional('--mode', values.mode as string | undefined, modes);
  const output = optional('--output', values.output as string | undefined, outputFormats);
  const failOn = optional('--fail-on', values['fail-on'] as string | undefined, failOnLevels);
  const refs = optional('--refs', values.refs as string | undefined, refsLevels);
  for (const p of [mode, output, failOn, refs]) if ('error' in p) return { error: p.error };
  const disable = values.disable === undefined ? undefined : checkDisable(values.disable);
  if (disable !== undefined && !disable.ok) return { error: disable.error };
  return defined({ mode: value(mode), output: value(output), failOn: value(failOn), refs: value(refs), disable: disable?.ids, exclude: values.exclude });
}

const value = <T>(p: { value: T } | { error: string }): T | undefined => ('value' in p ? p.value : undefined);

/** The object without its undefined fields (exactOptionalPropertyTypes). */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

const defaults = { mode: 'strict', output: 'text', failOn: 'error' } as const;

/** Flags over the config file over defaults; lists (disable, exclude) are the file's plus the flags'. */
export function resolveValidateOptions(flags: ValidateFlags, file: FileOptions = {}): ValidateOptions {
  const { crd, quiet, inputs, failIfNoMatch, stdinFilename, progress, config } = flags;
  const scalars = { ...defaults, ...defined({ refs: undefined }), ...file, ...defined({ mode: flags.mode, output: flags.output, failOn: flags.failOn, refs: flags.refs }) };
  return {
    mode: scalars.mode,
    output: scalars.output,
    crd,
    quiet,
    inputs,
    disable: [...new Set([...(file.disable ?? []), ...(flags.disable ?? [])])],
    failOn: scalars.failOn,
    exclude: [...(file.exclude ?? []), ...(flags.exclude ?? [])],
    failIfNoMatch,
    stdinFilename,
    progress,
    relations: relationsOf(flags, scalars.refs),
    config,
  };
}

/** The relation settings with --refs resolved (flag, else config file, else off / warn with --kubeconfig); the flags were checked when parsed. */
function relationsOf(flags: ValidateFlags, refs: Refs | undefined): RelationsFlags {
  const parsed = parseRelationsFlags({ ...flags.cluster, refs });
  if ('error' in parsed) throw new Error(`relations flags checked at parse time: ${parsed.error}`);
  return parsed;
}
