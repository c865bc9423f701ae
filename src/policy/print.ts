// The policy's two outputs as text (pure): the YAML stream kubectl applies, and --explain.
import { stringify } from 'yaml';
import type { Coverage, CoverageStatus } from './types.js';

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
