// The one-line summary shared by the text and github formats.
import type { Summary } from '../report.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3 documents: 1 allowed, 1 denied, 1 skipped, 0 unreadable; 2 errors, 1 warning` */
export function summaryLine(s: Summary): string {
  const unreadable = s.documents - s.allowed - s.denied - s.skipped;
  return `${plural(s.documents, 'document')}: ${s.allowed} allowed, ${s.denied} denied, ${s.skipped} skipped, ${unreadable} unreadable; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`;
}
