// The policy's two outputs as text (pure): the YAML stream kubectl applies, and --explain.
import { stringify } from 'yaml';
import type { Coverage, CoverageStatus, PolicyBounds } from './types.js';

/** `# note` lines, then each document after `---`; long CEL lines are never folded. */
export function printYamlStream(documents: readonly Record<string, unknown>[], notes: readonly string[] = []): string {
  const head = notes.map((n) => `# ${n}\n`).join('');
  return head + documents.map((d) => `---\n${stringify(d, { lineWidth: 0, minContentWidth: 0 })}`).join('');
}

const statusText: Readonly<Record<CoverageStatus, string>> = {
  covered: 'covered',
  'covered-partly': 'covered (message differs in part)',
  'api-server': 'not needed: the API server does it',
  'not-covered': 'NOT covered',
  'not-applicable': 'not applicable',
};

/** One block per strict rule: `id (severity): status` and the reason or scope. */
export function printExplain(coverage: readonly Coverage[]): string {
  const lines = coverage.map((c) => `${c.rule} (${c.severity}): ${statusText[c.status]}\n    ${c.note}\n`);
  const count = (s: CoverageStatus): number => coverage.filter((c) => c.status === s).length;
  const summary = `${coverage.length} strict rules: ${count('covered') + count('covered-partly')} in the policy (${count('covered-partly')} with a message difference), ${count('api-server')} enforced by the API server itself, ${count('not-covered')} not covered, ${count('not-applicable')} not applicable.\n`;
  return `${lines.join('')}\n${summary}`;
}

/** The bounds block of --explain: what the policy judges, and what it skips beyond (docs/policy-cost.md). */
export function printBounds(b: PolicyBounds): string {
  return [
    "Bounds: every expression stays within cel-go's runtime cost limits (1,000,000 per expression, 10,000,000 per policy; the API server",
    'has no create-time estimate for a policy, and the CRD sets no maxItems, maxProperties or maxLength here), so the policy judges inputs',
    'only up to these sizes, found by the cost model (docs/policy-cost.md):',
    `  spec.config.rateLimiting.tools: at most ${b.tools} tools (in the object and in the stored object), names of at most ${b.toolName} characters;`,
    '    beyond: the per-tool refillPeriod and maxTokens checks are skipped (the server-level buckets are still judged)',
    `  refillPeriod: at most ${b.refillPeriod} characters; a longer one is not judged`,
    `  spec.config: at most ${b.configKeys} keys (object and stored object) of at most ${b.mapKey} characters; beyond: no unknown-key check`,
    `  spec.config.outgoingAuth.backends: at most ${b.mapEntries} entries with names of at most ${b.mapKey} characters; beyond: no int32 check of its fields`,
    `  healthCheckTimeout, healthCheckInterval: at most ${b.healthCheck} characters; beyond: not compared`,
    'Beyond a bound the lint policy (Warn binding) warns which check it skipped; with --warnings off nothing says so. The webhook and',
    '`vmcp-admission validate` have no such bounds and check every object in full.',
    '',
  ].join('\n');
}
