// `vmcp-admission serve`: read and check the configuration, then hand over to the webhook main
// (imported lazily so `validate` never loads fastify). Help and usage errors as every command's.
import type { ServeConfig } from '../config.js';
import { serveHelp } from '../config.js';
import { runParsed, usageError, type Parsed } from './command-line.js';
import { type Command } from './io.js';
import { loadServeConfig } from './serve-args.js';

function parseServeArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Parsed<ServeConfig> {
  const loaded = loadServeConfig(argv, env);
  if (loaded.ok) return { kind: 'options', options: loaded.config };
  return loaded.help ? { kind: 'help' } : usageError(loaded.message);
}

/** How long a closed serve may wait for stray handles before the process exits anyway. */
const lingerMs = 1000;

export const serveCommand: Command = (argv, io) =>
  runParsed({ name: 'serve', help: serveHelp() }, parseServeArgs(argv, io.env), io, async (config) => {
    const { runServe } = await import('../webhook/run-serve.js');
    // 0 stopped, 2 an environment problem at start-up (certificates, port), 3 a bug.
    const code = await runServe(config, io, { humanLogs: io.tty?.stdout === true });
    // Once serve has closed, nothing it started may keep the process (the pod) alive: a Kubernetes
    // list or watch whose response headers never came cannot be aborted by the client, and would
    // otherwise hold the process until its own timeout or the kubelet's SIGKILL. Logs are written
    // synchronously, so exiting loses none; the timer is unref'd and fires only if something lingers.
    setTimeout(() => process.exit(code), lingerMs).unref();
    return code;
  });
