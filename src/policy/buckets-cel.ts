// The rate-limit buckets as CEL variables: one `unit` per place buckets sit (the server level, then
// each tool in list order), each with its `shared` and `perUser` slot, so `units` walks the buckets in
// vMCP's validation order (shared, perUser, then each tool's shared before its perUser), the order the
// engine reports them in. A slot carries the bucket's fields and its judged refillPeriod.
import { bind, durationCel, goQuoteCel, lit, UNIT_NANOS_CEL } from './cel-text.js';
import type { PolicyBounds, PolicyVariable } from './types.js';

const RL = 'spec.config.rateLimiting';

/** `has()` down a path of keys below `root`, each step guarded. */
export const hasPath = (root: string, keys: readonly string[]): string =>
  keys.map((_, i) => `has(${[root, ...keys.slice(0, i + 1)].join('.')})`).join(' && ');

function slot(parent: string, scope: string): string {
  const b = `${parent}.${scope}`;
  const on = `{'on': dyn(true), 'p': dyn(${b}.refillPeriod), 'n': dyn(${b}.maxTokens)}`;
  const off = "{'on': dyn(false), 'p': dyn(''), 'n': dyn(0)}";
  return `dyn(has(${b}) ? ${on} : ${off})`;
}

/**
 * Whether oldObject holds the same `field` value for this bucket (UPDATE ratcheting): the server
 * buckets by place, a tool's by its name (the list's map key). Only evaluated for a failing bucket,
 * so an UPDATE costs no lookup of old tools unless something is wrong.
 */
export function unchangedCel(u: string, scope: string, field: string, value: string): string {
  const server = `(has(variables.oldRl.${scope}) && has(variables.oldRl.${scope}.${field}) && variables.oldRl.${scope}.${field} == ${value})`;
  const tool = `variables.oldTools.exists(o, has(o.name) && o.name == ${u}.name && has(o.${scope}) && has(o.${scope}.${field}) && o.${scope}.${field} == ${value})`;
  return `(${u}.tool ? ${tool} : ${server})`;
}

/**
 * A slot with its refillPeriod judged: `ok` (parses, or no bucket), `neg` (a minus sign), `zero` (the
 * value is 0). Everyday values (one group, at most six digits, no fraction: `1m`, `30s`) take a
 * single regex; the rest pays for the group arithmetic, once: `dd` is the double sum (the overflow
 * pre-check), `ex` the exact magnitude (0u unless the grammar holds, the value is not a bare zero and
 * dd is below 1e19, so the uint arithmetic cannot overflow). A refillPeriod longer than the bound is
 * not judged (ok, with an empty `p`): the lint policy warns about it instead.
 */
function analysed(x: string, b: PolicyBounds): string {
  const p = `${x}.p`;
  const { grammar, zero, dbl, exact, limit } = durationCel(p, 'variables.unitNanos').parts;
  const fast = `${p}.matches(${lit(FAST_DURATION)})`;
  const slot = (ok: string, isZero: string): string => `dyn({'on': ${x}.on, 'p': ${p}, 'n': ${x}.n, 'ok': dyn(${ok}), 'neg': dyn(${x}.on && ${p}.startsWith('-')), 'zero': dyn(${isZero})})`;
  const everyday = slot('true', `${x}.on && !${p}.matches('[1-9]')`);
  const other = bind(
    'dd',
    `(${grammar} && !${zero} ? ${dbl} : 0.0)`,
    bind('ex', `(${grammar} && !${zero} && dd <= 1e19 ? ${exact} : 0u)`, slot(`!${x}.on || (${grammar} && (${zero} || (dd <= 1e19 && ex <= ${limit})))`, `${x}.on && ex == 0u`)),
  );
  const skipped = `dyn({'on': ${x}.on, 'p': dyn(''), 'n': ${x}.n, 'ok': dyn(true), 'neg': dyn(false), 'zero': dyn(false)})`;
  return `(size(${p}) <= ${b.refillPeriod} ? (${fast} ? ${everyday} : ${other}) : ${skipped})`;
}

/** One group, an integer of at most six digits: always parses, never overflows (999999h < 2562047h). */
const FAST_DURATION = '^[-+]?[0-9]{1,6}(ns|us|\u00b5s|\u03bcs|ms|s|m|h)$';

/** The tools list `list` (CEL) is within the bounds: few enough, with short enough names. */
export const toolsWithin = (list: string, b: PolicyBounds): string => `size(${list}) <= ${b.tools} && ${list}.all(t, size(t.name) <= ${b.toolName})`;

/**
 * The buckets as variables. `tools` and `oldTools` are empty unless both lists are within the
 * bounds (then the per-tool checks are skipped and the lint policy warns): no tool check ever iterates
 * more than `b.tools` tools or compares a name longer than `b.toolName`.
 */
export function bucketVariables(b: PolicyBounds): readonly PolicyVariable[] {
  const oldWithin = `(!has(variables.oldRl.tools) || size(variables.oldRl.tools) <= ${b.tools})`;
  return [
    { name: 'rl', expression: `${hasPath('object', ['spec', 'config', 'rateLimiting'])} ? object.${RL} : dyn({})` },
    { name: 'oldRl', expression: `oldObject != null && ${hasPath('oldObject', ['spec', 'config', 'rateLimiting'])} ? oldObject.${RL} : dyn({})` },
    { name: 'tools', expression: `has(variables.rl.tools) && ${toolsWithin('variables.rl.tools', b)} && ${oldWithin} ? variables.rl.tools : dyn([])` },
    { name: 'oldTools', expression: `has(variables.oldRl.tools) && size(variables.oldRl.tools) <= ${b.tools} ? variables.oldRl.tools : dyn([])` },
    {
      name: 'units',
      expression:
        `[dyn({'tool': dyn(false), 'name': dyn(''), 'sh': ${slot('variables.rl', 'shared')}, 'pu': ${slot('variables.rl', 'perUser')}})]` +
        ` + variables.tools.map(t, dyn({'tool': dyn(true), 'name': dyn(t.name), 'sh': ${slot('t', 'shared')}, 'pu': ${slot('t', 'perUser')}}))`,
    },
    { name: 'unitNanos', expression: UNIT_NANOS_CEL },
    { name: 'periods', expression: `variables.units.map(u, dyn({'tool': u.tool, 'name': u.name, 'sh': ${analysed('u.sh', b)}, 'pu': ${analysed('u.pu', b)}}))` },
  ];
}

/** The field of a bucket's `leaf` for unit `u`: `spec.config.rateLimiting.tools[2].perUser.refillPeriod`. */
export const bucketField = (u: string, scope: string, leaf: string): string =>
  `(${u}.tool ? ${lit(`${RL}.tools[`)} + string(variables.tools.map(t, t.name).indexOf(${u}.name)) + '].' : ${lit(`${RL}.`)}) + ${lit(`${scope}.${leaf}`)}`;

/** vMCP's name for a bucket: `shared bucket`, `tool "search" perUser bucket`. */
export const bucketLabel = (u: string, scope: string): string => `(${u}.tool ? 'tool ' + ${goQuoteCel(`${u}.name`)} + ' ' : '') + ${lit(`${scope} bucket`)}`;

/** A predicate on slots (`x` = a slot expression) lifted to one validation over every bucket, with its message. */
export function everyBucket(fails: (u: string, scope: string, x: string) => string, message: (u: string, scope: string, x: string) => string): { expression: string; messageExpression: string } {
  const [sh, pu] = [fails('u', 'shared', 'u.sh'), fails('u', 'perUser', 'u.pu')];
  return {
    expression: `variables.periods.all(u, !${sh} && !${pu})`,
    // '' when nothing fails: the API server evaluates every messageExpression, also for a passing validation.
    messageExpression: `[variables.periods.filter(u, ${sh} || ${pu})].map(f, size(f) == 0 ? '' : [f[0]].map(u, ${sh} ? ${message('u', 'shared', 'u.sh')} : ${message('u', 'perUser', 'u.pu')})[0])[0]`,
  };
}
