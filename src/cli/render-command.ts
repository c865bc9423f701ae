// Placeholder until the render subcommand lands.
import { ExitCode, type CliIo } from './io.js';

export async function renderCommand(_argv: readonly string[], io: CliIo): Promise<number> {
  io.stderr('vmcp-admission render: not implemented yet\n');
  return Promise.resolve(ExitCode.internal);
}
