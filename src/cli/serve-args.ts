// `serve`'s command line through the CLI's one parser (command-line.ts), then the flags plus the
// environment into the checked, frozen config (src/config.ts). `--disable` ids are checked here.
import { serveConfigFromFlags, serveFlagSpec, type ConfigResult } from '../config.js';
import { checkDisable } from '../core/rules/control.js';
import { readCommandLine } from './command-line.js';

/** argv after `serve` plus the environment -> a frozen config, help, or a one-line usage error. */
export function loadServeConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = readCommandLine(argv, serveFlagSpec());
  if ('error' in parsed) return { ok: false, help: false, message: parsed.error };
  if (parsed.values.help === true) return { ok: false, help: true, message: '' };
  if (parsed.positionals.length > 0) return { ok: false, help: false, message: `unexpected argument "${parsed.positionals[0]}": serve takes options only` };
  const loaded = serveConfigFromFlags(parsed.values, env);
  if (!loaded.ok) return loaded;
  const disable = checkDisable(loaded.config.disable);
  return disable.ok ? loaded : { ok: false, help: false, message: disable.error };
}
