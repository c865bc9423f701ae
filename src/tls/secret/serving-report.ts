// PURE: how replicas tell each other which CA their served leaf comes from. Each replica keeps an
// entry in one JSON annotation on the shared Secret ({"<pod>":{"ca":"<sha256>","at":"<ISO>"}}),
// written with the Secret's resourceVersion like every other change. One annotation rather than one
// per pod because pod names can exceed the 63-character annotation name limit. Entries older than
// servingStaleMs are replicas that are gone (scaled down, evicted) and are pruned on every write.
import type { ServingEntry } from './cert-plan.js';

export const servingAnnotation = 'vmcp-admission.stacklok.dev/serving';

type Serving = ReadonlyMap<string, ServingEntry>;

/** Parses the annotation; anything malformed is dropped (it is rewritten on the next report). */
export function parseServing(text: string | undefined): Map<string, ServingEntry> {
  const result = new Map<string, ServingEntry>();
  const raw = safeParse(text);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return result;
  for (const [pod, value] of Object.entries(raw as Record<string, unknown>)) {
    const entry = toEntry(value);
    if (entry !== undefined) result.set(pod, entry);
  }
  return result;
}

function safeParse(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toEntry(value: unknown): ServingEntry | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { ca, at } = value as { ca?: unknown; at?: unknown };
  if (typeof ca !== 'string' || typeof at !== 'string') return undefined;
  const when = new Date(at);
  return Number.isNaN(when.getTime()) ? undefined : { ca, at: when };
}

export function formatServing(serving: Serving): string {
  const sorted = [...serving.entries()].sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(sorted.map(([pod, e]) => [pod, { ca: e.ca, at: e.at.toISOString() }])));
}

export interface Report {
  readonly pod: string;
  /** Fingerprint of the CA of the served leaf; undefined removes the entry (shutdown). */
  readonly ca: string | undefined;
  readonly now: Date;
}

/** True when this replica's entry is missing, names another CA, or is older than the heartbeat. */
export function reportDue(serving: Serving, report: Report, heartbeatMs: number): boolean {
  const entry = serving.get(report.pod);
  if (report.ca === undefined) return entry !== undefined;
  return entry?.ca !== report.ca || report.now.getTime() - entry.at.getTime() >= heartbeatMs;
}

/** The map with this replica's entry set (or removed) and stale entries pruned. */
export function withReport(serving: Serving, report: Report, staleMs: number): Map<string, ServingEntry> {
  const now = report.now.getTime();
  const next = new Map([...serving].filter(([, e]) => now - e.at.getTime() < staleMs));
  if (report.ca === undefined) next.delete(report.pod);
  else next.set(report.pod, { ca: report.ca, at: report.now });
  return next;
}
