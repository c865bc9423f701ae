// vMCP's config validator rejects healthCheckTimeout >= healthCheckInterval (upstream-behaviour §d.1). The trap: a
// failureHandling object gets the CRD default healthCheckTimeout 10s, so any interval <= 10s written
// without a timeout stops vMCP at start-up. Zero values are filled by vMCP's defaults first
// (interval 30s), so only what survives defaulting is compared.
import { quoteGo } from '../finding.js';
import { formatGoDuration, parseGoDuration } from '../duration.js';
import { recordAt, stringField } from '../spec.js';
import { defineRule } from './rule.js';

const FAILURE_HANDLING = ['spec', 'config', 'operational', 'failureHandling'];
const CRD_DEFAULT_TIMEOUT = '10s';
const VMCP_DEFAULT_INTERVAL = 30_000_000_000n;

function nanos(text: string | undefined): bigint | undefined {
  const p = text === undefined ? undefined : parseGoDuration(text);
  return p?.ok === true ? p.nanoseconds : undefined;
}

const ORDER = 'healthCheckTimeout ({timeout}) must be less than healthCheckInterval ({interval}) to prevent checks from queuing up';

export const runtimeHealthCheckTimeout = defineRule(
  {
    id: 'runtime-health-check-timeout',
    origin: 'runtime',
    severity: 'error',
    stage: 'rules',
    modes: ['strict'],
    description: 'failureHandling.healthCheckTimeout (CRD default 10s) must be less than healthCheckInterval, or vMCP refuses to start',
    messages: {
      order: ORDER,
      orderDefaulted: `${ORDER} (healthCheckTimeout is not set, so the CRD default {default} applies)`,
    },
  },
  (ctx, report) => {
    const fh = recordAt(ctx.object, FAILURE_HANDLING);
    if (fh === undefined) return [];
    const written = stringField(recordAt(ctx.input, FAILURE_HANDLING), 'healthCheckTimeout');
    const timeoutText = stringField(fh, 'healthCheckTimeout') ?? CRD_DEFAULT_TIMEOUT;
    const timeout = nanos(timeoutText);
    const intervalRaw = nanos(stringField(fh, 'healthCheckInterval') ?? '0s');
    if (timeout === undefined || intervalRaw === undefined || timeout <= 0n) return [];
    const interval = intervalRaw === 0n ? VMCP_DEFAULT_INTERVAL : intervalRaw;
    if (timeout < interval) return [];
    const data = { timeout: formatGoDuration(timeout), interval: formatGoDuration(interval), default: CRD_DEFAULT_TIMEOUT };
    const at = { path: [...FAILURE_HANDLING, 'healthCheckTimeout'], type: 'Invalid value', value: quoteGo(timeoutText) } as const;
    return [report(written === undefined ? 'orderDefaulted' : 'order', data, at)];
  },
);
