// The CLI's view of the outside world, injected so run() is testable in-process.
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of stdin as UTF-8 (bounded by the caller's limit). */
  readonly readStdin: () => Promise<string>;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stderr is a terminal (progress lines are drawn only then). */
  readonly stderrIsTTY?: boolean;
  /** Whether stdout / stderr are terminals (absent: neither, as in tests and pipes). */
  readonly tty?: { readonly stdout: boolean; readonly stderr: boolean };
}

/** Exit codes shared by every subcommand. */
export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A subcommand: argv after the subcommand name. */
export type Command = (argv: readonly string[], io: CliIo) => Promise<number>;
