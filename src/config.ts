// `serve` configuration: flags over VMCP_ADMISSION_* environment variables over defaults, checked by
// ONE JSON schema and frozen. A bad value stops startup with a message naming the flag, its
// environment variable and the allowed values. The option table below is also the --help text.
// The schemas use a handful of JSON-schema keywords (type string/integer/boolean, enum, minimum,
// maximum, minLength, pattern) checked by check() below with ajv's coercion and messages: loading
// and compiling ajv here cost `serve` ~4 MB of RSS for its whole life. The command line itself is parsed
// by the CLI's shared parser (src/cli/serve-args.ts) from serveFlagSpec().
import { parseGoDuration } from './core/duration.js';

export interface ServeConfig {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly mode: 'strict' | 'crd';
  readonly certSource: 'file' | 'secret';
  readonly certDir: string;
  readonly generateCerts: boolean;
  readonly certPollIntervalMs: number;
  readonly secretName: string;
  readonly webhookName: string;
  readonly podName: string;
  readonly service: string;
  readonly namespace: string;
  readonly drainDelayMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly verdictCache: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly example: boolean;
  /** Rule ids turned off (`--disable`, repeatable or comma-separated); the CLI checks they may be. */
  readonly disable: readonly string[];
  readonly refs: 'warn' | 'deny' | 'off';
  readonly kubeconfig: string;
  readonly relationsNamespace: string;
  readonly relationsSyncTimeoutMs: number;
  readonly followCrd: boolean;
}

type Key = keyof ServeConfig;
interface OptionSpec {
  readonly flag: string;
  readonly schema: Record<string, unknown>;
  readonly default: string | number | boolean;
  readonly help: string;
}

const duration = { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$' };
const bool = { type: 'boolean' };

/** Every serve option: flag name, schema, default and help. Durations are Go-style (`10s`, `2m`). */
export const serveOptions: Readonly<Record<Key, OptionSpec>> = {
  host: { flag: 'host', schema: { type: 'string', minLength: 1 }, default: '0.0.0.0', help: 'address to listen on' },
  port: { flag: 'port', schema: { type: 'integer', minimum: 0, maximum: 65535 }, default: 8443, help: 'HTTPS port (0 = any free port, logged)' },
  path: { flag: 'path', schema: { type: 'string', pattern: '^/[A-Za-z0-9._~/-]*$' }, default: '/validate', help: 'path of the validating endpoint' },
  mode: { flag: 'mode', schema: { enum: ['strict', 'crd'] }, default: 'strict', help: 'strict = CRD + operator/runtime rules; crd = exactly the API server' },
  certSource: { flag: 'cert-source', schema: { enum: ['file', 'secret'] }, default: 'file', help: 'where the serving certificate comes from' },
  certDir: { flag: 'cert-dir', schema: { type: 'string', minLength: 1 }, default: 'certs', help: 'directory with tls.crt and tls.key (watched for rotation)' },
  generateCerts: { flag: 'generate-certs', schema: bool, default: true, help: 'generate a CA and serving certificate into --cert-dir when none is there' },
  certPollIntervalMs: { flag: 'cert-poll-interval', schema: duration, default: '10s', help: 'how often --cert-dir is re-read besides watching it' },
  secretName: { flag: 'secret-name', schema: { type: 'string' }, default: 'vmcp-admission-tls', help: 'Secret holding the serving certificate (--cert-source secret)' },
  webhookName: { flag: 'webhook-name', schema: { type: 'string' }, default: 'vmcp-admission', help: 'ValidatingWebhookConfiguration whose caBundle is kept (--cert-source secret)' },
  podName: { flag: 'pod-name', schema: { type: 'string' }, default: '', help: 'this replica in serving reports (--cert-source secret); default: $POD_NAME, else $HOSTNAME' },
  service: { flag: 'service', schema: { type: 'string' }, default: '', help: 'Service name; adds <service>.<namespace>.svc to generated certificates' },
  namespace: { flag: 'namespace', schema: { type: 'string' }, default: '', help: 'namespace of the Service and Secret' },
  drainDelayMs: { flag: 'drain-delay', schema: duration, default: '10s', help: 'after SIGTERM: keep serving (unready, Connection: close) this long, then close' },
  keepAliveTimeoutMs: { flag: 'keep-alive-timeout', schema: duration, default: '120s', help: 'idle keep-alive; keep above the API server idle timeout (90s)' },
  headersTimeoutMs: { flag: 'headers-timeout', schema: duration, default: '10s', help: 'time allowed to receive request headers' },
  requestTimeoutMs: { flag: 'request-timeout', schema: duration, default: '30s', help: 'time allowed to receive a whole request' },
  verdictCache: { flag: 'verdict-cache', schema: { type: 'integer', minimum: 0, maximum: 100000 }, default: 0, help: 'objects whose verdict is remembered (LRU, exact content; 0 = off, the default: keying costs more than it saves for distinct objects)' },
  logLevel: { flag: 'log-level', schema: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }, default: 'info', help: 'pino log level' },
  example: { flag: 'example', schema: bool, default: false, help: 'print a ready-to-paste curl example once listening (npm start)' },
  disable: { flag: 'disable', schema: { type: 'string' }, default: '', help: "turn a runtime, lint or render rule off (repeatable or comma-separated; see 'vmcp-admission rules')" },
  refs: { flag: 'refs', schema: { enum: ['warn', 'deny', 'off'] }, default: 'warn', help: 'relation checks with cluster access (groupRef, oidcConfigRef, ..., rate-limit tool names): warn, deny (errors) or off' },
  kubeconfig: { flag: 'kubeconfig', schema: { type: 'string' }, default: '', help: 'cluster access for relations and --follow-crd; empty: the in-cluster service account when running in a pod, else none' },
  relationsNamespace: { flag: 'relations-namespace', schema: { type: 'string' }, default: '', help: 'cache related objects of this namespace only (a Role suffices); empty: all namespaces (ClusterRole)' },
  relationsSyncTimeoutMs: { flag: 'relations-sync-timeout', schema: duration, default: '10s', help: 'longest wait for the relation caches before /readyz turns true without relations (they keep syncing)' },
  followCrd: { flag: 'follow-crd', schema: bool, default: true, help: 'with cluster access, judge against the installed VirtualMCPServer CRD (built-in schema when absent or not compilable)' },
};

const keys = Object.keys(serveOptions) as Key[];
const envName = (key: Key): string => `VMCP_ADMISSION_${serveOptions[key].flag.replace(/-/g, '_').toUpperCase()}`;
const isDuration = (key: Key): boolean => serveOptions[key].schema === duration;

type Checked = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly rule: string };

/** ajv's coerceTypes for the scalar types used here: strings from flags and the environment. */
function coerce(type: unknown, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'integer' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function checkNumber(schema: Record<string, unknown>, value: number): string | undefined {
  if (!Number.isInteger(value)) return 'must be integer';
  if (typeof schema.minimum === 'number' && value < schema.minimum) return `must be >= ${schema.minimum}`;
  if (typeof schema.maximum === 'number' && value > schema.maximum) return `must be <= ${schema.maximum}`;
  return undefined;
}

function checkString(schema: Record<string, unknown>, value: string): string | undefined {
  if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) return `must NOT have fewer than ${schema.minLength} characters`;
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) return `must match pattern "${schema.pattern}"`;
  return undefined;
}

function check(schema: Record<string, unknown>, raw: unknown): Checked {
  const value = coerce(schema.type, raw);
  if (Array.isArray(schema.enum)) return schema.enum.includes(value) ? { ok: true, value } : { ok: false, rule: `be one of ${schema.enum.join(', ')}` };
  let rule: string | undefined;
  if (schema.type === 'boolean') rule = typeof value === 'boolean' ? undefined : 'must be boolean';
  else if (schema.type === 'integer') rule = typeof value === 'number' ? checkNumber(schema, value) : 'must be integer';
  else rule = typeof value === 'string' ? checkString(schema, value) : 'must be string';
  return rule === undefined ? { ok: true, value } : { ok: false, rule };
}

export function serveHelp(): string {
  const lines = keys.map((k) => {
    const o = serveOptions[k];
    const value = o.schema === bool ? ` | --no-${o.flag}` : ' <value>';
    return `  --${o.flag}${value}\n      ${o.help} [env ${envName(k)}, default ${JSON.stringify(o.default)}]`;
  });
  return `Usage: vmcp-admission serve [options]\n\nRuns the validating admission webhook over HTTPS.\n\nOptions:\n${lines.join('\n')}\n  -h, --help\n      show this help\n\nExit codes: 0 stopped by SIGTERM/SIGINT, 2 usage, configuration or environment error (such as an\nunreadable certificate or an unwritable --cert-dir), 3 internal error.\n`;
}

export type ConfigResult = { ok: true; config: ServeConfig } | { ok: false; help: boolean; message: string };

function describe(key: Key, value: unknown, rule: string): string {
  const spec = serveOptions[key];
  const text = isDuration(key) ? 'be a duration such as 10s, 500ms or 2m' : rule.replace(/^must /, '');
  return `invalid value ${JSON.stringify(value)} for --${spec.flag} (env ${envName(key)}): must ${text}`;
}

function toMs(value: unknown): number {
  const parsed = parseGoDuration(String(value));
  return parsed.ok ? Number(parsed.nanoseconds / 1_000_000n) : Number.NaN;
}

type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** The serve flags for a node:util parseArgs-style parser: one per option, `--no-<flag>` for booleans. */
export function serveFlagSpec(): FlagSpec {
  const options: FlagSpec = { help: { type: 'boolean', short: 'h' } };
  for (const k of keys) {
    const { flag } = serveOptions[k];
    options[flag] = { type: serveOptions[k].schema === bool ? 'boolean' : 'string', ...(k === 'disable' ? { multiple: true } : {}) };
    if (serveOptions[k].schema === bool) options[`no-${flag}`] = { type: 'boolean' };
  }
  return options;
}

/** Parsed flags (serveFlagSpec) plus the environment -> a frozen config, or a message for stderr. */
export function serveConfigFromFlags(parsed: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>, env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const values: Record<string, string | boolean | undefined> = {};
  for (const [flag, v] of Object.entries(parsed)) values[flag] = Array.isArray(v) ? v.join(',') : v;
  for (const k of keys.filter((key) => values[`no-${serveOptions[key].flag}`] === true)) values[serveOptions[k].flag] = false;
  const raw: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, values[serveOptions[k].flag] ?? env[envName(k)] ?? serveOptions[k].default]));
  if (raw.podName === '') raw.podName = env.POD_NAME ?? env.HOSTNAME ?? '';
  for (const k of keys) {
    const checked = check(serveOptions[k].schema, raw[k]);
    if (!checked.ok) return { ok: false, help: false, message: describe(k, coerce(serveOptions[k].schema.type, raw[k]), checked.rule) };
    raw[k] = checked.value;
  }
  for (const k of keys.filter(isDuration)) raw[k] = toMs(raw[k]);
  raw.disable = String(raw.disable).split(',').map((id) => id.trim()).filter((id) => id !== '');
  return { ok: true, config: Object.freeze(raw) as unknown as ServeConfig };
}
