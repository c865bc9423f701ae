// Output formats, each a PURE (report) -> string function, imported lazily so a run pays only for
// the one it prints.
import type { OutputFormat } from '../args.js';
import type { Report } from '../report.js';

/** `color`: the text format may colour its output (a terminal); the others ignore it. */
export type Formatter = (report: Report, options?: { readonly color?: boolean }) => string;

const loaders: Record<OutputFormat, () => Promise<Formatter>> = {
  text: async () => (await import('./text.js')).formatText,
  json: async () => (await import('./json.js')).formatJson,
  junit: async () => (await import('./junit.js')).formatJunit,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
};

export function loadFormatter(format: OutputFormat): Promise<Formatter> {
  return loaders[format]();
}
