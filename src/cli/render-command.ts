// `vmcp-admission render`: inputs -> documents (shared loader) -> renderConfigs -> stdout.
// Refusals print every finding as `file:line:col: message` on stderr (exit 1); unreadable or
// unparsable input and bad flags exit 2.
import type { Mode } from '../core/validate.js';
import { loadBuiltinSchemas } from '../core/schema/builtin.js';
import { configMapNode } from '../render/configmap.js';
import { emitYaml } from '../render/emit-yaml.js';
import { renderConfigs, type ObjectFindings, type RenderedConfig } from '../render/render.js';
import { pick, readCommandLine, runParsed, usageError, type Parsed } from './command-line.js';
import { printable } from './formatters/text.js';
import { ExitCode, type CliIo, type Command } from './io.js';
import { findingLines as linesOf, loadObjects, type Loaded } from './object-loader.js';

// --- arguments (pure) ---

export const renderOutputs = ['config', 'configmap', 'json'] as const;
export type RenderOutput = (typeof renderOutputs)[number];
const modes: readonly Mode[] = ['strict', 'crd'];

export interface RenderOptions {
  readonly mode: Mode;
  readonly output: RenderOutput;
  readonly inputs: readonly string[];
}

export type ParsedRenderArgs = Parsed<RenderOptions>;

export const renderHelp = `Usage: vmcp-admission render [options] <path|->...

Renders the vMCP config.yaml the ToolHive operator writes for each VirtualMCPServer in the input,
byte for byte (CRD defaults applied first). Referenced objects (MCPOIDCConfig, MCPAuthzConfig,
ConfigMap, MCPToolConfig, VirtualMCPCompositeToolDefinition, ...) are taken from the same input.
A spec the validator denies is not rendered: its findings are printed instead.

Arguments:
  <path|->              YAML or JSON files, directories, or - for standard input

Options:
  -o, --output FORMAT   config (default): config.yaml documents separated by ---;
                        configmap: the <name>-vmcp-config ConfigMap(s) with the content checksum;
                        json: [{name, namespace, configMap, checksum, config}]
  --mode strict|crd     pre-check like \`validate\` (default strict)
  -h, --help            show this help

Exit codes: 0 rendered, 1 refused (findings printed to stderr), 2 usage error or unreadable input,
3 internal error.
`;

const optionSpec = {
  mode: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseRenderArgs(argv: readonly string[]): ParsedRenderArgs {
  const parsed = readCommandLine(argv, optionSpec);
  if ('error' in parsed) return usageError(parsed.error);
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  const mode = pick('--mode', values.mode, modes, 'strict');
  if ('error' in mode) return usageError(mode.error);
  const output = pick('--output', values.output, renderOutputs, 'config');
  if ('error' in output) return usageError(output.error);
  if (positionals.length === 0) return usageError('no input: give a file, a directory or - for standard input');
  if (positionals.filter((p) => p === '-').length > 1) return usageError('standard input (-) given more than once');
  return { kind: 'options', options: { mode: mode.value, output: output.value, inputs: [...new Set(positionals)] } };
}

// --- command ---

const findingLines = (loaded: Loaded, group: ObjectFindings, label = ''): string[] => linesOf(loaded, group.findings, label);

function format(outputs: readonly RenderedConfig[], output: RenderOutput): string {
  if (output === 'json') {
    const items = outputs.map((o) => ({ name: o.name, namespace: o.namespace, configMap: o.configMap.metadata.name, checksum: o.configMap.metadata.annotations['toolhive.stacklok.dev/content-checksum'], config: o.configYaml }));
    return `${JSON.stringify(items, null, 2)}\n`;
  }
  const texts = outputs.map((o) => (output === 'config' ? o.configYaml : emitYaml(configMapNode(o.configMap))));
  return texts.join('---\n');
}

async function render(options: { inputs: readonly string[]; output: RenderOutput; mode: 'strict' | 'crd' }, io: CliIo): Promise<number> {
  const { docs, problems } = await loadObjects(options.inputs, io);
  if (problems.length > 0) {
    io.stderr(problems.map((p) => `${printable(p)}\n`).join(''));
    return ExitCode.usage;
  }
  const result = renderConfigs(docs.map((d) => d.object.value), await loadBuiltinSchemas(), { mode: options.mode });
  if (!result.ok) {
    io.stderr(result.failed.flatMap((g) => findingLines(docs[g.index]!, g)).join(''));
    return ExitCode.findings;
  }
  io.stderr(result.warnings.flatMap((g) => findingLines(docs[g.index]!, g, 'warning: ')).join(''));
  if (result.outputs.length === 0) {
    io.stderr('vmcp-admission render: no VirtualMCPServer in the input\n');
    return ExitCode.usage;
  }
  io.stdout(format(result.outputs, options.output));
  return ExitCode.ok;
}

export const renderCommand: Command = (argv, io) => runParsed({ name: 'render', help: renderHelp }, parseRenderArgs(argv), io, (options) => render(options, io));
