// Placeholder until the serve subcommand lands.
import { ExitCode, type CliIo } from './io.js';

export async function serveCommand(_argv: readonly string[], io: CliIo): Promise<number> {
  io.stderr('vmcp-admission serve: not implemented yet\n');
  return Promise.resolve(ExitCode.internal);
}
