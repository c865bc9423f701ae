// Lint warnings travel as Kubernetes warning headers: one line, at most 120 characters including the
// field. A rule offers its texts longest first; the first whose whole line fits wins, and as a last
// resort the shortest is cut.
import { makeFinding, type Finding } from '../finding.js';
import type { PathSegment } from '../field-path.js';
import { fill, MAX_WARNING_LENGTH } from './template.js';

export function fittingWarning(rule: string, path: readonly PathSegment[], templates: readonly string[], vars: Readonly<Record<string, string | number>>): Finding {
  let last: Finding | undefined;
  for (const t of templates) {
    last = makeFinding({ rule, origin: 'lint', severity: 'warning', path, type: 'Warning', detail: fill(t, vars).replace(/[\r\n]+/g, ' ') });
    if (last.message.length <= MAX_WARNING_LENGTH) return last;
  }
  if (last === undefined) throw new Error(`${rule}: no warning text`);
  const over = last.message.length - MAX_WARNING_LENGTH;
  return makeFinding({ rule, origin: 'lint', severity: 'warning', path, type: 'Warning', detail: `${last.detail.slice(0, Math.max(0, last.detail.length - over - 3))}...` });
}
