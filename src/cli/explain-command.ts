// `vmcp-admission explain <file|-> [-o text|json]`: what the rate limits of each VirtualMCPServer
// will do at runtime. Pre-checked like `render` (denied -> findings, exit 1).
import { explain } from '../ratelimit/explain.js';
import { explainText } from '../ratelimit/explain-text.js';
import { pick, readCommandLine, usageErrorText } from './command-line.js';
import { ExitCode, type Command } from './io.js';
import { loadServers } from './servers.js';

export const explainHelp = `Usage: vmcp-admission explain [options] <path|->...

Explains the rate limits of each VirtualMCPServer in the input as the vMCP runtime applies them:
every Redis bucket it creates (key pattern, what it meters, burst, rate, refill time, the
Retry-After a limited client is told), the effective limit for one user calling one tool, and
the consequences (anonymous auth, rates that round to zero, fail-open, ...). The input is
pre-checked like \`validate --mode strict\`; a denied object is not explained.

Options:
  -o, --output FORMAT   text (default) or json (shape documented in the README)
  -h, --help            show this help

Exit codes: 0 explained, 1 denied (findings on stderr), 2 usage error or unreadable input,
3 internal error.
`;

const optionSpec = { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } as const;

export const explainCommand: Command = async (argv, io) => {
  const parsed = readCommandLine(argv, optionSpec);
  const fail = (message: string): number => {
    io.stderr(usageErrorText('explain', message));
    return ExitCode.usage;
  };
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.values.help === true) {
    io.stdout(explainHelp);
    return ExitCode.ok;
  }
  const output = pick('--output', parsed.values.output, ['text', 'json'] as const, 'text');
  if ('error' in output) return fail(output.error);
  if (parsed.positionals.length === 0) return fail('no input: give a file, a directory or - for standard input');
  const servers = await loadServers('explain', [...new Set(parsed.positionals)], io);
  if (!servers.ok) return servers.code;
  const model = explain(servers.configs);
  io.stdout(output.value === 'json' ? `${JSON.stringify(model, null, 2)}\n` : explainText(model));
  return ExitCode.ok;
};
