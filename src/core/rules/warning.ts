// Lint warnings travel as Kubernetes warning headers: one line, at most 120 characters including the
// field. A rule offers its message ids longest first; the first whose whole line fits wins, and as a
// last resort the shortest is cut.
import type { Finding } from '../contract.js';
import type { PathSegment } from '../field-path.js';
import type { MessageData, Reporter } from './rule.js';
import { MAX_WARNING_LENGTH } from './template.js';

export function fittingWarning<M extends string>(report: Reporter<M>, path: readonly PathSegment[], messageIds: readonly M[], data: MessageData): Finding {
  let last: Finding | undefined;
  for (const id of messageIds) {
    last = report(id, data, { path, type: 'Warning' });
    if (last.message.length <= MAX_WARNING_LENGTH) return last;
  }
  if (last === undefined) throw new Error('fittingWarning: no message ids');
  // The line is `<field>: <detail>`: cut the detail so that the whole line fits.
  const over = last.message.length - MAX_WARNING_LENGTH;
  const detail = `${last.detail.slice(0, Math.max(0, last.detail.length - over - 3))}...`;
  return report(messageIds[messageIds.length - 1]!, data, { path, type: 'Warning', detail });
}
