// Subcommand dispatch. Each subcommand module is imported lazily so `validate` never pays for
// fastify or the renderer at cold start.
import { ExitCode, type CliIo, type Command } from './io.js';

const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate-command.js')).validateCommand,
  render: async () => (await import('./render-command.js')).renderCommand,
  serve: async () => (await import('./serve-command.js')).serveCommand,
  policy: async () => (await import('./policy-command.js')).policyCommand,
  explain: async () => (await import('./explain-command.js')).explainCommand,
  simulate: async () => (await import('./simulate-command.js')).simulateCommand,
  buckets: async () => (await import('./buckets-command.js')).bucketsCommand,
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

Run 'vmcp-admission <command> --help' for the options of a command.
`;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const load = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (load === undefined) {
    io.stderr(`vmcp-admission: unknown command "${name}"\n\n${usage}`);
    return ExitCode.usage;
  }
  const command = await load();
  return command(rest, io);
}
