// Subcommand dispatch. Each subcommand module is imported lazily so `validate` never pays for
// fastify, the renderer or the rules reference at cold start.
import { identity } from '../build-info.js';
import { usageErrorText } from './command-line.js';
import { ExitCode, type CliIo, type Command } from './io.js';

const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate-command.js')).validateCommand,
  render: async () => (await import('./render-command.js')).renderCommand,
  serve: async () => (await import('./serve-command.js')).serveCommand,
  policy: async () => (await import('./policy-command.js')).policyCommand,
  explain: async () => (await import('./explain-command.js')).explainCommand,
  simulate: async () => (await import('./simulate-command.js')).simulateCommand,
  buckets: async () => (await import('./buckets-command.js')).bucketsCommand,
  rules: async () => (await import('./rules-command.js')).rulesCommand,
  version: () => Promise.resolve(versionCommand),
};

export const usage = `Usage: vmcp-admission <command> [options]

Commands:
  validate [options] <path|dir|->...   validate VirtualMCPServer manifests offline
  render [options] <path|->            render the vMCP config.yaml the operator would write
  serve [options]                      run the validating admission webhook over HTTPS
  policy [options]                     print the strict rules as a ValidatingAdmissionPolicy (--explain: coverage)
  explain [options] <path|->           explain what the rate limits will do at runtime
  simulate <path|-> --trace FILE|--load SPEC
                                       replay calls through the rate limiter (memory or Redis)
  buckets --redis URL --namespace NS --server NAME (-f FILE | --kubeconfig FILE)
                                       show the live token buckets of a server in Redis
  rules [ID] [-o text|json]            list the rules, or explain one with a failing example
  version                              print the version (also --version)

Options:
  -h, --help                           show this help
  --version                            print the version and the ToolHive CRD commit it checks against

Run 'vmcp-admission <command> --help' for the options of a command.
`;

const versionCommand: Command = (argv, io) => {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout('Usage: vmcp-admission version\n\nPrints the version and the ToolHive CRD commit it checks against.\n');
    return Promise.resolve(ExitCode.ok);
  }
  if (argv.length > 0) {
    io.stderr(usageErrorText('version', `unexpected argument "${argv[0]}"`));
    return Promise.resolve(ExitCode.usage);
  }
  io.stdout(`${identity}\n`);
  return Promise.resolve(ExitCode.ok);
};

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage);
    return ExitCode.ok;
  }
  if (name === '--version' || name === '-V') return versionCommand(rest, io);
  if (name === undefined) {
    io.stderr(usageErrorText(undefined, 'no command given (validate, render, serve, policy, explain, simulate, buckets, rules, version)'));
    return ExitCode.usage;
  }
  const load = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (load === undefined) {
    io.stderr(usageErrorText(undefined, `unknown ${name.startsWith('-') ? 'option' : 'command'} "${name}"`));
    return ExitCode.usage;
  }
  const command = await load();
  return command(rest, io);
}
