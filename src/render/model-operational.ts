// EnsureOperationalDefaults (upstream-behaviour §c.1 item 8): nil -> the full default; otherwise mergo.Merge,
// which fills only zero fields (recursing into present sub-objects) and never touches non-zero
// ones. No healthCheckTimeout and no logLevel in the defaults.
import { isRecord, isZero } from './go-types.js';
import { structFields } from './config-fields.js';

type Obj = Record<string, unknown>;

export const DEFAULT_OPERATIONAL: Readonly<Obj> = {
  timeouts: { default: '30s' },
  failureHandling: {
    healthCheckInterval: '30s',
    unhealthyThreshold: 3,
    statusReportingInterval: '30s',
    partialFailureMode: 'fail',
    circuitBreaker: { enabled: false, failureThreshold: 5, timeout: '60s' },
  },
};

/** Fills zero fields of `dst` (Go struct `typeName`) from `src`, recursing through non-nil pointers to structs. */
function merge(typeName: string, dst: Obj, src: Obj): Obj {
  const out: Obj = { ...dst };
  for (const [key, type] of structFields[typeName]!) {
    const d = dst[key];
    const s = src[key];
    const nested = type.startsWith('*') && structFields[type.slice(1)] !== undefined;
    if (nested && isRecord(d) && isRecord(s)) out[key] = merge(type.slice(1), d, s);
    else if (isZero(type, d) && !isZero(type, s)) out[key] = s;
  }
  return out;
}

export function ensureOperationalDefaults(operational: unknown): Obj {
  if (!isRecord(operational)) return structuredClone(DEFAULT_OPERATIONAL);
  return merge('config.OperationalConfig', operational, DEFAULT_OPERATIONAL);
}
