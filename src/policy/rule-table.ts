// Which registry rule becomes which policy validation: one entry per rule id, a generator for the
// rules CEL can express (texts from the rule's `messages` table), a reason for the others. Rules no
// entry names fall back to what their stage implies (ObjectMeta, schema and CRD CEL rules: the API server).
import type { SchemaNode } from '../core/schema/types.js';
import { bucketField, bucketLabel, bucketVariables, everyBucket, hasPath, unchangedCel } from './buckets-cel.js';
import { bind, durationCel, fillCel, goDurationStringCel, goQuoteCel, lit, litList, timeQuoteCel, unknownUnitCel } from './cel-text.js';
import { int32Validations } from './int32-cel.js';
import { messageOf } from './registry.js';
import { suggestionCel } from './suggest-cel.js';
import type { CoverageStatus, PolicyBounds, PolicyValidation, RuleExport } from './types.js';

export interface TableContext {
  /** The structural schema of the served version the policy is built for (known keys, int32 fields). */
  readonly schema: SchemaNode;
  /** The largest inputs the expressions judge (bounds.ts). */
  readonly bounds: PolicyBounds;
}

export interface TableEntry {
  readonly status: CoverageStatus;
  readonly note: string;
  readonly build?: (ctx: TableContext) => RuleExport;
}

const invalidValue = (field: string, value: string, detail: string): string => `${field} + ': Invalid value: ' + ${value} + ': ' + ${detail}`;

function refillPeriodDuration(ctx: TableContext): RuleExport {
  const id = 'runtime-refill-period-duration';
  const fails = (u: string, scope: string, x: string): string => `(!${x}.ok && !${unchangedCel(u, scope, 'refillPeriod', `${x}.p`)})`;
  const detail = (x: string): string => {
    const p = `${x}.p`;
    const code = durationCel(p, 'variables.unitNanos').errorCode;
    const text = (key: string, slots: Record<string, string>): string => fillCel(messageOf(id, key), slots);
    const quoted = timeQuoteCel(p);
    return `[${code}].map(c, c == 'missingUnit' ? ${text('missingUnit', { duration: quoted })} : c == 'unknownUnit' ? ${text('unknownUnit', { unit: timeQuoteCel(unknownUnitCel(p)), duration: quoted })} : ${text('invalid', { duration: quoted })})[0]`;
  };
  const v = everyBucket(fails, (u, scope, x) => invalidValue(bucketField(u, scope, 'refillPeriod'), goQuoteCel(`${x}.p`), detail(x)));
  return { variables: bucketVariables(ctx.bounds), validations: [{ rule: id, ...v, message: 'a rate-limit refillPeriod is not a Go duration (time.ParseDuration); the operator cannot decode it' }] };
}

function refillPeriodPositive(ctx: TableContext): RuleExport {
  const id = 'runtime-refill-period-positive';
  const fails = (u: string, scope: string, x: string): string => `(${x}.on && ${x}.ok && (${x}.zero || ${x}.neg) && !${unchangedCel(u, scope, 'refillPeriod', `${x}.p`)})`;
  const magnitude = (x: string): string => durationCel(`${x}.p`, 'variables.unitNanos').magnitude;
  const duration = (x: string): string => `(${x}.neg && !${x}.zero ? '-' + [${magnitude(x)}].map(m, ${goDurationStringCel('m')})[0] : '0s')`;
  const v = everyBucket(fails, (u, scope, x) =>
    invalidValue(bucketField(u, scope, 'refillPeriod'), goQuoteCel(`${x}.p`), fillCel(messageOf(id, 'positive'), { bucket: bucketLabel(u, scope), duration: duration(x) })),
  );
  return { variables: bucketVariables(ctx.bounds), validations: [{ rule: id, ...v, message: 'a rate-limit refillPeriod is zero or negative; vMCP refuses to start the rate limiter' }] };
}

function maxTokensInt32(ctx: TableContext): RuleExport {
  const id = 'runtime-max-tokens-int32';
  const fails = (u: string, scope: string, x: string): string => `(${x}.on && ${x}.n > 2147483647 && !${unchangedCel(u, scope, 'maxTokens', `${x}.n`)})`;
  const v = everyBucket(fails, (u, scope, x) =>
    invalidValue(bucketField(u, scope, 'maxTokens'), `string(${x}.n)`, fillCel(messageOf(id, 'range'), { bucket: bucketLabel(u, scope), value: `string(${x}.n)` })),
  );
  return { variables: bucketVariables(ctx.bounds), validations: [{ rule: id, ...v, message: 'a rate-limit maxTokens does not fit in int32 (maximum 2147483647); the operator cannot decode it' }] };
}

function configUnknownKey(ctx: TableContext): RuleExport {
  const id = 'runtime-config-unknown-key';
  const known = Object.keys(ctx.schema.properties?.spec?.properties?.config?.properties ?? {});
  if (known.length === 0) throw new Error('policy: the schema declares no spec.config properties');
  // exists() rather than `k in`: @bufbuild/cel (the tests' evaluator) says a key whose value is null is
  // not `in` a map, cel-go says it is; iterating the keys gives the same answer in both.
  // The values are compared inside one-element lists: cel-go charges == by the operands' size, and
  // a value under an unknown key can be a string of any length (docs/policy-cost.md).
  const ratcheted = '(variables.oldConfig.exists(j, j == k && [variables.oldConfig[j]] == [variables.config[k]]))';
  const { configKeys, mapKey } = ctx.bounds;
  // dyn(): the type checker sees spec.config as an object, which has no size() and cannot be iterated.
  const within = `size(dyn(variables.config)) <= ${configKeys} && dyn(variables.config).all(k, size(k) <= ${mapKey}) && size(dyn(variables.oldConfig)) <= ${configKeys}`;
  const variables = [
    { name: 'config', expression: 'has(object.spec) && has(object.spec.config) ? object.spec.config : dyn({})' },
    { name: 'oldConfig', expression: 'oldObject != null && has(oldObject.spec) && has(oldObject.spec.config) ? oldObject.spec.config : dyn({})' },
    { name: 'unknownKeys', expression: `${within} ? dyn(variables.config).filter(k, !(k in ${litList(known)}) && !${ratcheted}) : dyn([])` },
  ];
  const detail = `[${suggestionCel('k', known)}].map(s, s == '' ? ${fillCel(messageOf(id, 'plain'), { key: goQuoteCel('k') })} : ${fillCel(messageOf(id, 'suggest'), { key: goQuoteCel('k'), suggestion: goQuoteCel('s') })})[0]`;
  const validation: PolicyValidation = {
    rule: id,
    expression: 'size(variables.unknownKeys) == 0',
    messageExpression: `size(variables.unknownKeys) == 0 ? '' : [variables.unknownKeys.min()].map(k, 'spec.config.' + k + ': Forbidden: ' + ${detail})[0]`,
    message: `spec.config has a key the vMCP Config does not declare (known: ${known.join(', ')}); the operator drops it silently`,
  };
  return { variables, validations: [validation] };
}

function unhealthyThreshold(): RuleExport {
  const id = 'runtime-unhealthy-threshold';
  const keys = ['spec', 'config', 'operational', 'failureHandling', 'unhealthyThreshold'];
  const path = `object.${keys.join('.')}`;
  const old = `oldObject != null && ${keys.map((_, i) => `has(oldObject.${keys.slice(0, i + 1).join('.')})`).join(' && ')} && oldObject.${keys.join('.')} == ${path}`;
  const present = keys.map((_, i) => `has(object.${keys.slice(0, i + 1).join('.')})`).join(' && ');
  const text = messageOf(id, 'positive');
  return {
    variables: [],
    validations: [
      {
        rule: id,
        expression: `!(${present}) || ${path} >= 0 || (${old})`,
        messageExpression: `!(${present}) ? '' : ${lit(`${keys.join('.')}: Invalid value: `)} + string(${path}) + ': ' + ${lit(text)}`,
        message: `${keys.join('.')}: ${text}`,
      },
    ],
  };
}

/**
 * healthCheckTimeout (CRD default 10s) must be below healthCheckInterval (0 = vMCP's 30s). The policy
 * sees the defaulted object only, so it cannot tell a written `10s` from the default: it adds the
 * engine's "not set" note whenever the value is the default's text.
 */
function healthCheckTimeout(ctx: TableContext): RuleExport {
  const id = 'runtime-health-check-timeout';
  const keys = ['spec', 'config', 'operational', 'failureHandling'];
  const fh = `object.${keys.join('.')}`;
  const old = `oldObject.${keys.join('.')}`;
  const text = (f: string, fallback: string): string => `(has(${fh}.${f}) ? ${fh}.${f} : ${lit(fallback)})`;
  const oldText = (f: string, fallback: string): string => `(has(${old}.${f}) ? ${old}.${f} : ${lit(fallback)})`;
  const [dt, di] = [durationCel('ht', 'variables.unitNanos'), durationCel('hi', 'variables.unitNanos')];
  const n = ctx.bounds.healthCheck;
  /**
   * `body` with ht/hi = the timeout and interval texts, tm/im = their nanoseconds (im after vMCP's
   * 0 → 30s); `beyond` when either text is longer than the bound (not judged; the lint policy warns).
   */
  const withValues = (body: string, beyond: string): string =>
    bind('ht', text('healthCheckTimeout', '10s'), bind('hi', text('healthCheckInterval', '0s'), `size(ht) <= ${n} && size(hi) <= ${n} ? ${bind('tm', dt.magnitude, bind('im', `(${di.magnitude} == 0u ? 30000000000u : ${di.magnitude})`, body))} : ${beyond}`));
  const unchanged = `(oldObject != null && ${hasPath('oldObject', keys)} && ${oldText('healthCheckTimeout', '10s')} == ht && ${oldText('healthCheckInterval', '0s')} == hi)`;
  const failing = `${dt.parses} && ${di.parses} && tm > 0u && tm >= im && !${unchanged}`;
  const slots = { timeout: bind('m', 'tm', goDurationStringCel('m')), interval: bind('m', 'im', goDurationStringCel('m')), default: "'10s'" };
  const detail = `(ht == '10s' ? ${fillCel(messageOf(id, 'orderDefaulted'), slots)} : ${fillCel(messageOf(id, 'order'), slots)})`;
  return {
    variables: bucketVariables(ctx.bounds).filter((v) => v.name === 'unitNanos'),
    validations: [
      {
        rule: id,
        expression: `!(${hasPath('object', keys)}) || ${withValues(`!(${failing})`, 'true')}`,
        messageExpression: `!(${hasPath('object', keys)}) ? '' : ${withValues(`${lit(`${keys.join('.')}.healthCheckTimeout: Invalid value: `)} + ${goQuoteCel('ht')} + ': ' + ${detail}`, "''")}`,
        message: `${keys.join('.')}.healthCheckTimeout: must be less than healthCheckInterval (30s when unset or 0) to prevent checks from queuing up; vMCP refuses to start`,
      },
    ],
  };
}

function int32Range(ctx: TableContext): RuleExport {
  const id = 'runtime-int32-range';
  return { variables: [], validations: int32Validations(ctx.schema, id, messageOf(id, 'range'), ctx.bounds) };
}

function sessionStorageIgnored(): RuleExport {
  const id = 'lint-config-session-storage-ignored';
  return {
    variables: [],
    validations: [{ rule: id, expression: '!(has(object.spec) && has(object.spec.config) && has(object.spec.config.sessionStorage))', message: `spec.config.sessionStorage: ${messageOf(id, 'ignored')}` }],
  };
}

const API_SERVER = 'the API server enforces it itself (CRD schema, CRD CEL rule or ObjectMeta validation) before any policy runs';

export const ruleTable: Readonly<Record<string, TableEntry>> = {
  'runtime-refill-period-duration': { status: 'covered', note: "every bucket (shared, perUser, each tool's): Go's duration grammar by regex, int64 overflow by integer arithmetic, Go's exact error text", build: refillPeriodDuration },
  'runtime-refill-period-positive': { status: 'covered', note: 'every bucket; the duration printed as Go prints it (0s, -1m0s)', build: refillPeriodPositive },
  'runtime-max-tokens-int32': { status: 'covered', note: 'every bucket', build: maxTokensInt32 },
  'runtime-int32-range': { status: 'covered', note: 'every int32 field outside lists (map values included); maxTokens is the bucket rule', build: int32Range },
  'runtime-config-unknown-key': {
    status: 'covered-partly',
    note: 'unknown keys directly under spec.config; "did you mean" finds case-insensitive, prefix and one-edit matches (the engine also finds two and three edits); with several unknown keys the message names the alphabetically first (CEL map order is not the document order)',
    build: configUnknownKey,
  },
  'runtime-health-check-timeout': {
    status: 'covered-partly',
    note: 'a policy sees only the defaulted object, so the "(healthCheckTimeout is not set, so the CRD default 10s applies)" note follows the value 10s, also when it was written; ratchets when timeout and interval texts are both unchanged',
    build: healthCheckTimeout,
  },
  'runtime-unhealthy-threshold': { status: 'covered', note: 'spec.config.operational.failureHandling.unhealthyThreshold >= 0', build: unhealthyThreshold },
  'lint-config-session-storage-ignored': { status: 'covered', note: 'Warn binding', build: sessionStorageIgnored },
  'lint-deprecated-version': { status: 'api-server', note: "the API server sends the CRD's deprecationWarning itself" },
  'lint-bucket-never-binds': {
    status: 'not-covered',
    note: 'warns once per bucket, but a validation yields one warning, so a tools list would need a validation per tool; its rates are printed with 3 significant digits (JavaScript number formatting) fitted to 120 characters',
  },
  'lint-refill-rate-implausible': {
    status: 'not-covered',
    note: 'warns once per bucket, but a validation yields one warning, so a tools list would need a validation per tool; its rates are printed with 3 significant digits (JavaScript number formatting) fitted to 120 characters',
  },
  'schema-unknown-field': { status: 'not-covered', note: 'the API server prunes undeclared fields before admission, so a policy never sees them (kubectl --validate=strict reports them client-side)' },
  'cel-not-checked': { status: 'api-server', note: API_SERVER },
  'internal-error': { status: 'not-applicable', note: 'an engine bug, not a property of the object' },
};

const byStage: Readonly<Record<string, TableEntry>> = {
  input: { status: 'not-applicable', note: 'a CLI input rule (files, YAML syntax, size limits): the API server decodes requests itself' },
  document: { status: 'not-applicable', note: 'the API server admits only decoded VirtualMCPServer objects of a served version' },
  metadata: { status: 'api-server', note: API_SERVER },
  schema: { status: 'api-server', note: API_SERVER },
  cel: { status: 'api-server', note: API_SERVER },
  render: { status: 'not-applicable', note: 'a renderer rule (reads other objects of the cluster or the operator build); only `render` can judge it' },
  relations: { status: 'not-covered', note: "needs the cluster's other objects (MCPGroups, their workloads, OIDC configs, Secrets): a policy sees only the object under review; the webhook (and validate --refs) check it" },
};

/** The table entry for a rule, or what its stage implies. */
export function entryFor(rule: { readonly id: string; readonly stage: string }): TableEntry {
  return ruleTable[rule.id] ?? byStage[rule.stage] ?? { status: 'not-covered', note: 'no policy generator for this rule yet' };
}
