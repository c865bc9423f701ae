// `vmcp-admission policy`: prints the strict rules as a ValidatingAdmissionPolicy + binding YAML
// stream (src/policy builds it), or with --explain what the policy covers and why not the rest.
import { loadBuiltinSchemas } from '../core/schema/builtin.js';
import {
  boundsFor,
  buildPolicy,
  coverageOf,
  DEFAULT_POLICY_NAME,
  kubernetesVersions,
  parseLabelSelector,
  printBounds,
  printExplain,
  printYamlStream,
  validationActions,
  type KubernetesVersion,
  type LabelSelector,
  type PolicyOptions,
  type ValidationAction,
} from '../policy/index.js';
import { pick, readCommandLine, runParsed, type Parsed } from './command-line.js';
import { ExitCode, type CliIo, type Command } from './io.js';

export const policyHelp = `Usage: vmcp-admission policy [options]

Prints a ValidatingAdmissionPolicy and its binding (a --- YAML stream for kubectl apply -f -) that
enforces, inside the API server, the strict rules CEL can express: every rate-limit refillPeriod a
Go duration and positive, maxTokens and other int32 fields within int32, no unknown key directly
under spec.config, unhealthyThreshold not negative. Lint warnings go to a second policy with a Warn
binding. No webhook pod, no TLS; only the first denial is shown, and rules that need other objects
stay with the webhook (see --explain). To stay within the API server's CEL cost limits the policy
judges at most a bounded number of rate-limit tools (and bounded string lengths and key counts);
beyond them it skips those checks and the lint policy warns (--explain prints the bounds).

Options:
  --name NAME                   policy name (default ${DEFAULT_POLICY_NAME}); the lint
                                policy adds -lint after the first label, bindings -binding
  --namespace-selector SEL      only namespaces matching this label selector (a=b,c!=d,e in (f,g),!h)
  --validation-actions LIST     actions of the errors binding: Deny (default), Warn, Audit,
                                comma-separated; Deny and Warn cannot be combined
  --warnings on|off             the lint policy with its Warn binding (default on)
  --kubernetes-version VERSION  1.30 (default; admissionregistration.k8s.io/v1), or 1.28 / 1.29
                                (v1beta1, needs the ValidatingAdmissionPolicy feature gate)
  --explain                     print, for every strict rule, whether the policy covers it and why not
  -h, --help                    show this help

Exit codes: 0 printed, 2 usage error, 3 internal error.
`;

const optionSpec = {
  name: { type: 'string' },
  'namespace-selector': { type: 'string' },
  'validation-actions': { type: 'string' },
  warnings: { type: 'string' },
  'kubernetes-version': { type: 'string' },
  explain: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParsedPolicyArgs = Parsed<{ readonly policy: PolicyOptions; readonly explain: boolean }>;

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function actionsOf(text: string | undefined): { readonly value: ValidationAction[] } | { readonly error: string } {
  if (text === undefined) return { value: ['Deny'] };
  const out: ValidationAction[] = [];
  for (const a of text.split(',').map((s) => s.trim())) {
    const found = validationActions.find((v) => v === a);
    if (found === undefined) return { error: `unknown --validation-actions "${a}": allowed values are ${validationActions.join(', ')}` };
    if (!out.includes(found)) out.push(found);
  }
  if (out.includes('Deny') && out.includes('Warn')) return { error: '--validation-actions: Deny and Warn cannot be combined (the API server rejects such a binding)' };
  return { value: out };
}

function selectorOf(text: string | undefined): { readonly value: LabelSelector | undefined } | { readonly error: string } {
  if (text === undefined) return { value: undefined };
  const parsed = parseLabelSelector(text);
  return 'error' in parsed ? { error: `--namespace-selector: ${parsed.error}` } : { value: parsed.selector };
}

const nameOf = (name: string | undefined): { readonly value: string } | { readonly error: string } => {
  const n = name ?? DEFAULT_POLICY_NAME;
  return n.length <= 253 - '-lint-binding'.length && DNS_SUBDOMAIN.test(n) ? { value: n } : { error: `--name "${n}" is not a DNS subdomain name (lower case, digits, - and ., at most 240 characters)` };
};

export function parsePolicyArgs(argv: readonly string[]): ParsedPolicyArgs {
  const parsed = readCommandLine(argv, optionSpec);
  if ('error' in parsed) return { kind: 'usage-error', message: parsed.error };
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (positionals.length > 0) return { kind: 'usage-error', message: `policy takes no arguments, got ${positionals.join(' ')}` };
  const checks = [nameOf(values.name), actionsOf(values['validation-actions']), selectorOf(values['namespace-selector']), pick('--warnings', values.warnings, ['on', 'off'], 'on'), pick('--kubernetes-version', values['kubernetes-version'], kubernetesVersions, '1.30')] as const;
  const failed = checks.find((c) => 'error' in c);
  if (failed !== undefined && 'error' in failed) return { kind: 'usage-error', message: failed.error };
  const [name, actions, selector, warnings, version] = checks.map((c) => ('value' in c ? c.value : undefined)) as [string, ValidationAction[], LabelSelector | undefined, 'on' | 'off', KubernetesVersion];
  const options: PolicyOptions = { name, validationActions: actions, warnings: warnings === 'on', kubernetesVersion: version, ...(selector === undefined ? {} : { namespaceSelector: selector }) };
  return { kind: 'options', options: { policy: options, explain: values.explain === true } };
}

async function printPolicy(args: { readonly policy: PolicyOptions; readonly explain: boolean }, io: CliIo): Promise<number> {
  const schemas = await loadBuiltinSchemas();
  const compiled = schemas.get('v1beta1') ?? schemas.get(schemas.versions[0]!);
  if (compiled === undefined) throw new Error('no served CRD version');
  if (args.explain) {
    io.stdout(`${printExplain(coverageOf())}\n${printBounds(boundsFor(compiled.meta.schema))}`);
    return ExitCode.ok;
  }
  const built = buildPolicy(compiled.meta.schema, args.policy);
  io.stdout(printYamlStream(built.documents, built.notes));
  return ExitCode.ok;
}

export const policyCommand: Command = (argv: readonly string[], io: CliIo): Promise<number> =>
  runParsed({ name: 'policy', help: policyHelp }, parsePolicyArgs(argv), io, (args) => printPolicy(args, io));
