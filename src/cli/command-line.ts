// THE argument parsing of every command (validate, render, rules, serve): strict node:util parseArgs,
// `-h/--help` -> the help on stdout and exit 0, a usage error -> one line naming the problem plus a
// hint on stderr and exit 2. Parsing is pure; runParsed() is the only place that prints either.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ExitCode, type CliIo } from './io.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
type CommandLine<O extends OptionSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** What a command's parser returns: its options, a request for help, or a usage error. */
export type Parsed<T> =
  | { readonly kind: 'options'; readonly options: T }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

export const usageError = (message: string): { readonly kind: 'usage-error'; readonly message: string } => ({ kind: 'usage-error', message });

/** Strict node:util parseArgs with positionals; a parse failure comes back as its message. */
export function readCommandLine<O extends OptionSpec>(argv: readonly string[], options: O): CommandLine<O> | { readonly error: string } {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    // node:util's messages end with advice on `--` that reads oddly in a one-line error.
    const message = err instanceof Error ? err.message : String(err);
    return { error: message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown option') };
  }
}

/** `-h`/`--help` anywhere wins over every other problem of the command line (as git and kubectl do). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

export type Picked<T> = { readonly value: T } | { readonly error: string };

/** One of the allowed values for a flag, the fallback when absent, or an error naming the allowed values. */
export function pick<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): Picked<T> {
  if (value === undefined) return { value: fallback };
  const found = allowed.find((a) => a === value);
  return found !== undefined ? { value: found } : { error: `unknown ${flag} "${value}": allowed values are ${allowed.join(', ')}` };
}

/** The one-line usage error and its hint, as every command prints it. */
export function usageErrorText(command: string | undefined, message: string): string {
  const name = command === undefined ? 'vmcp-admission' : `vmcp-admission ${command}`;
  return `${name}: ${message}\nRun '${name} --help' for usage.\n`;
}

export interface CommandText {
  /** The subcommand (`validate`), or undefined for the top level. */
  readonly name: string | undefined;
  readonly help: string;
}

/** Help -> stdout, exit 0; usage error -> stderr, exit 2; options -> the command's body. */
export async function runParsed<T>(command: CommandText, parsed: Parsed<T>, io: CliIo, body: (options: T) => Promise<number>): Promise<number> {
  if (parsed.kind === 'help') {
    io.stdout(command.help);
    return ExitCode.ok;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(usageErrorText(command.name, parsed.message));
    return ExitCode.usage;
  }
  return body(parsed.options);
}
