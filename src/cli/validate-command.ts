// Placeholder until the validate subcommand lands.
import { ExitCode, type CliIo } from './io.js';

export async function validateCommand(_argv: readonly string[], io: CliIo): Promise<number> {
  io.stderr('vmcp-admission validate: not implemented yet\n');
  return Promise.resolve(ExitCode.internal);
}
