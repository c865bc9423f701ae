// A hand-built report for the golden tests: every verdict, errors and warnings, input problems,
// and text that needs escaping in every format (%, CR/LF, `,` `:` in file names, XML specials,
// a control character).
import { makeReport, type DocumentReport, type ReportFinding } from '../../../src/cli/report.js';

const finding = (over: Partial<ReportFinding> & Pick<ReportFinding, 'rule' | 'message' | 'line' | 'column'>): ReportFinding => ({
  origin: 'schema',
  severity: 'error',
  field: null,
  path: null,
  type: 'Invalid value',
  detail: over.message,
  ...over,
});

const vmcp = { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'VirtualMCPServer' } as const;

export const sampleDocuments: DocumentReport[] = [
  { source: 'deploy/vmcp.yaml', index: 0, line: 1, ...vmcp, namespace: 'toolhive', name: 'ok', verdict: 'allowed', errors: [], warnings: [] },
  {
    source: 'deploy/vmcp.yaml',
    index: 1,
    line: 12,
    ...vmcp,
    namespace: 'toolhive',
    name: 'broken',
    verdict: 'denied',
    errors: [
      finding({ rule: 'schema-required', field: 'spec.groupRef', path: ['spec', 'groupRef'], type: 'Required value', detail: '', message: 'spec.groupRef: Required value', line: 16, column: 1 }),
      finding({
        rule: 'cel-spec-ratelimit-requires-redis',
        origin: 'cel',
        field: 'spec',
        path: ['spec'],
        value: '"object"',
        detail: "config.rateLimiting requires sessionStorage with provider 'redis'",
        message: 'spec: Invalid value: "object": config.rateLimiting requires sessionStorage with provider \'redis\'',
        line: 16,
        column: 1,
      }),
      finding({
        rule: 'runtime-refill-period-duration',
        origin: 'runtime',
        field: 'spec.config.rateLimiting.shared.refillPeriod',
        path: ['spec', 'config', 'rateLimiting', 'shared', 'refillPeriod'],
        value: '"50%\\nof <1m> & more"',
        detail: 'time: invalid duration "50%\\nof <1m> & more"',
        message: 'spec.config.rateLimiting.shared.refillPeriod: Invalid value: "50%\\nof <1m> & more": time: invalid duration "50%\\nof <1m> & more"',
        line: 23,
        column: 23,
      }),
    ],
    warnings: [
      finding({ rule: 'lint-deprecated-version', origin: 'lint', severity: 'warning', type: 'Warning', detail: 'multi\nline, 100% odd\r\u0007', message: 'multi\nline, 100% odd\r\u0007', line: 12, column: 1 }),
    ],
  },
  { source: 'deploy/vmcp.yaml', index: 3, line: 30, apiVersion: 'v1', kind: 'ConfigMap', namespace: null, name: 'settings', verdict: 'skipped', errors: [], warnings: [] },
  {
    source: 'odd, name: "x".yaml',
    index: 0,
    line: 1,
    apiVersion: null,
    kind: null,
    namespace: null,
    name: null,
    verdict: 'error',
    errors: [finding({ rule: 'yaml-duplicate-key', origin: 'input', type: 'Invalid input', message: 'yaml: duplicate key "a"', line: 4, column: 3 })],
    warnings: [],
  },
  {
    source: '<stdin>',
    index: 0,
    line: 1,
    ...vmcp,
    namespace: null,
    name: 'warned',
    verdict: 'allowed',
    errors: [],
    warnings: [finding({ rule: 'lint-refill-rate-implausible', origin: 'lint', severity: 'warning', type: 'Warning', field: 'spec.config.rateLimiting.shared', path: ['spec', 'config', 'rateLimiting', 'shared'], message: 'spec.config.rateLimiting.shared: 1 token per 24h0m0s', line: 9, column: 7 })],
  },
];

export const sampleReport = makeReport('strict', sampleDocuments);

/** A fixed rule list for the SARIF golden, so registry changes do not churn it. */
export const sampleRules = [
  { id: 'schema-required', description: 'a required field is missing', severity: 'error', origin: 'schema' },
  { id: 'cel-spec-ratelimit-requires-redis', description: 'rate limiting needs Redis session storage', severity: 'error', origin: 'cel' },
  { id: 'runtime-refill-period-duration', description: 'refillPeriod must parse as a Go duration', severity: 'error', origin: 'runtime' },
  { id: 'lint-deprecated-version', description: 'v1alpha1 is deprecated', severity: 'warning', origin: 'lint' },
  { id: 'yaml-duplicate-key', description: 'a mapping repeats a key', severity: 'error', origin: 'input' },
] as const;
// `lint-refill-rate-implausible` is left out on purpose: a result of an unlisted rule has no ruleIndex.
