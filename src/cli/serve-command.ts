// `vmcp-admission serve`: read and check the configuration, then hand over to the webhook main
// (imported lazily so `validate` never loads fastify).
import { ExitCode, type Command } from './io.js';
import { loadServeConfig } from '../config.js';

export const serveCommand: Command = async (argv, io) => {
  const loaded = loadServeConfig(argv, io.env);
  if (!loaded.ok) {
    (loaded.help ? io.stdout : io.stderr)(loaded.help ? loaded.message : `vmcp-admission serve: ${loaded.message}\n`);
    return loaded.help ? ExitCode.ok : ExitCode.usage;
  }
  const { runServe } = await import('../webhook/run-serve.js');
  // 0, 2 (the environment: a path not writable, a port in use) or 3 (a bug).
  return runServe(loaded.config, io);
};
