// Lint warnings travel as Kubernetes warning headers: one line, at most 120 characters including the
// field. A rule offers its texts longest first; the first whose whole line fits wins, and as a last
// resort the shortest is cut.
import { makeFinding, type Finding } from '../finding.js';
import { FieldPath, type PathSegment } from '../field-path.js';
import { fill, MAX_WARNING_LENGTH } from './template.js';

export function fittingWarning(rule: string, path: readonly PathSegment[], templates: readonly string[], vars: Readonly<Record<string, string | number>>): Finding {
  // The line is `<field>: <detail>` (formatFinding for a Warning with a path): measured before a finding is made.
  const prefix = FieldPath.of(path).toString().length + 2;
  let detail: string | undefined;
  for (const t of templates) {
    detail = fill(t, vars).replace(/[\r\n]+/g, ' ');
    if (prefix + detail.length <= MAX_WARNING_LENGTH) return makeFinding({ rule, origin: 'lint', severity: 'warning', path, type: 'Warning', detail });
  }
  if (detail === undefined) throw new Error(`${rule}: no warning text`);
  const over = prefix + detail.length - MAX_WARNING_LENGTH;
  return makeFinding({ rule, origin: 'lint', severity: 'warning', path, type: 'Warning', detail: `${detail.slice(0, Math.max(0, detail.length - over - 3))}...` });
}
