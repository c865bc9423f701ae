// `vmcp-admission rules [ID] [-o text|json]`: the rules reference from the registry — id, origin,
// severity, stage, whether --disable may turn it off, explanation and a failing example.
import { rules, metaOf } from '../core/rules/index.js';
import { didYouMean } from '../core/rules/did-you-mean.js';
import { pick, readCommandLine, runParsed, usageError, type Parsed } from './command-line.js';
import { ExitCode, type Command } from './io.js';
import { helpText, ruleEntry, type RuleEntry } from './rule-reference.js';

export const rulesHelp = `Usage: vmcp-admission rules [ID] [options]

Lists every rule the validator and the webhook report, or explains one.

Arguments:
  ID                    a rule id (e.g. runtime-refill-period-duration): its explanation and a
                        failing example

Options:
  -o, --output FORMAT   text (default) or json ({"version":1,"rules":[...]})
  -h, --help            show this help

Exit codes: 0 listed, 2 usage error or unknown rule id.
`;

const formats = ['text', 'json'] as const;
interface RulesOptions {
  readonly id: string | undefined;
  readonly output: (typeof formats)[number];
}

export function parseRulesArgs(argv: readonly string[]): Parsed<RulesOptions> {
  const parsed = readCommandLine(argv, { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } });
  if ('error' in parsed) return usageError(parsed.error);
  if (parsed.values.help === true) return { kind: 'help' };
  const output = pick('--output', parsed.values.output, formats, 'text');
  if ('error' in output) return usageError(output.error);
  if (parsed.positionals.length > 1) return usageError('give at most one rule id');
  const id = parsed.positionals[0];
  if (id !== undefined && metaOf(id) === undefined) {
    const near = didYouMean(id, rules.map((r) => r.meta.id));
    return usageError(`no rule "${id}"${near === undefined ? '' : `; did you mean "${near}"?`} ('vmcp-admission rules' lists them)`);
  }
  return { kind: 'options', options: { id, output: output.value } };
}

const severityText = (e: RuleEntry): string => (e.severityByMode.crd === e.severityByMode.strict ? e.severity : `${e.severityByMode.strict} (strict), ${e.severityByMode.crd} (crd)`);

function detail(e: RuleEntry): string {
  const head = [
    e.id,
    `  origin: ${e.origin}   stage: ${e.stage}   severity: ${severityText(e)}   modes: ${e.modes.join(', ')}`,
    `  can be disabled: ${e.disableable ? 'yes (--disable)' : 'no (the Kubernetes API server enforces it)'}`,
    `  reference: ${e.helpUri}`,
    '',
  ].join('\n');
  return `${head}\n${helpText(e).replace(/^/gm, '  ').replace(/^ +$/gm, '')}`;
}

function table(entries: readonly RuleEntry[]): string {
  const width = Math.max(...entries.map((e) => e.id.length));
  const rows = entries.map((e) => `${e.id.padEnd(width)}  ${e.origin.padEnd(7)}  ${e.severity.padEnd(7)}  ${e.stage.padEnd(8)}  ${e.disableable ? 'yes' : 'no '}      ${e.description}`);
  const header = `${'ID'.padEnd(width)}  ORIGIN   SEVERITY STAGE     DISABLE  DESCRIPTION`;
  return `${header}\n${rows.join('\n')}\n\n${entries.length} rules. 'vmcp-admission rules ID' explains one with a failing example.\n`;
}

export const rulesCommand: Command = (argv, io) =>
  runParsed({ name: 'rules', help: rulesHelp }, parseRulesArgs(argv), io, (options) => {
    const entries = (options.id === undefined ? rules.map((r) => r.meta) : [metaOf(options.id)!]).map(ruleEntry);
    if (options.output === 'json') io.stdout(`${JSON.stringify({ version: 1, rules: entries }, null, 2)}\n`);
    else io.stdout(options.id === undefined ? table(entries) : detail(entries[0]!));
    return Promise.resolve(ExitCode.ok);
  });
