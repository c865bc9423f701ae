// The VirtualMCPServers of the input, after the engine's strict pre-check (as `render` does): a
// denied object stops the command with its findings (exit 1); unreadable input exits 2. Warnings
// are printed and do not stop it. Each allowed object becomes the runtime's limiter configuration.
import { loadBuiltinSchemas } from '../core/schema/builtin.js';
import { servedVersionOf, validateObject } from '../core/validate.js';
import { limiterConfig, type LimiterConfig } from '../ratelimit/limiter-config.js';
import { printable } from './formatters/text.js';
import { ExitCode, type CliIo } from './io.js';
import { findingLines, loadObjects } from './object-loader.js';

export type Servers = { readonly ok: true; readonly configs: readonly LimiterConfig[] } | { readonly ok: false; readonly code: number };

export async function loadServers(command: string, inputs: readonly string[], io: CliIo): Promise<Servers> {
  const { docs, problems } = await loadObjects(inputs, io);
  if (problems.length > 0) {
    io.stderr(problems.map((p) => `${printable(p)}\n`).join(''));
    return { ok: false, code: ExitCode.usage };
  }
  const schemas = await loadBuiltinSchemas();
  const configs: LimiterConfig[] = [];
  const denied: string[] = [];
  const warnings: string[] = [];
  for (const loaded of docs) {
    if (servedVersionOf(loaded.object.value, schemas) === undefined) continue;
    const result = validateObject(loaded.object.value, { mode: 'strict', schemas });
    if (!result.allowed) denied.push(...findingLines(loaded, result.findings));
    else {
      warnings.push(...findingLines(loaded, result.findings, 'warning: '));
      configs.push(limiterConfig(result.object));
    }
  }
  if (denied.length > 0) {
    io.stderr(denied.join(''));
    return { ok: false, code: ExitCode.findings };
  }
  io.stderr(warnings.join(''));
  if (configs.length === 0) {
    io.stderr(`vmcp-admission ${command}: no VirtualMCPServer in the input\n`);
    return { ok: false, code: ExitCode.usage };
  }
  return { ok: true, configs };
}

/** The one server a command works on: the only one, or the one named by --server. */
export function pickServer(configs: readonly LimiterConfig[], name: string | undefined): LimiterConfig | string {
  if (name !== undefined) {
    const found = configs.find((c) => c.serverName === name);
    return found ?? `no VirtualMCPServer named "${name}" in the input (found: ${configs.map((c) => c.serverName).join(', ')})`;
  }
  if (configs.length === 1) return configs[0]!;
  return `the input has ${configs.length} VirtualMCPServers (${configs.map((c) => c.serverName).join(', ')}): choose one with --server NAME`;
}
