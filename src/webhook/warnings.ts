// Admission warnings travel as HTTP Warning headers that the API server caps (4096 characters in
// total) and that kubectl prints as `Warning: <text>`. PURE: one line each, printable, at most 120
// characters, no duplicates, no own "Warning:" prefix, and a total well inside the budget.

import { MAX_WARNING_LENGTH as maxWarningLength } from '../core/rules/template.js';

/** The one cap, shared with the lint rules that fit their texts to it. */
export { maxWarningLength };
/** Our own budget, leaving room under the API server's 4096 for other webhooks' warnings. */
export const warningBudget = 2048;

// C0/C1 control characters and Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Cuts at a word boundary when one is near the end, marking the cut with `...`. */
export function truncate(text: string, max = maxWarningLength): string {
  if (text.length <= max) return text;
  const room = max - 3;
  const space = text.lastIndexOf(' ', room);
  const cut = space >= room - 20 ? space : room;
  return `${text.slice(0, cut).trimEnd()}...`;
}

export function cleanWarning(text: string): string {
  const oneLine = text.replace(controls, ' ').replace(/\s+/g, ' ').trim();
  return truncate(oneLine.replace(/^warning:\s*/i, ''));
}

/** Cleans, deduplicates and bounds a list of warnings, saying how many were left out. */
export function sanitizeWarnings(texts: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let used = 0;
  let dropped = 0;
  for (const text of texts) {
    const clean = cleanWarning(text);
    if (clean === '' || seen.has(clean)) continue;
    seen.add(clean);
    if (used + clean.length > warningBudget - 60) {
      dropped += 1;
      continue;
    }
    used += clean.length;
    out.push(clean);
  }
  if (dropped > 0) out.push(`${dropped} more warning(s) not shown; run vmcp-admission validate for the full list`);
  return out;
}
