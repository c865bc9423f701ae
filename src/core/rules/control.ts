// Rule control shared by the CLI and the webhook: which rules an operator may turn off (`--disable`),
// and the per-object annotation that silences WARNINGS of some rules for that object. Neither ever
// turns an error of a rule the API server itself enforces into a pass: those cannot be disabled,
// and the annotation drops warnings only.
import type { Finding } from '../finding.js';
import { isRecord } from '../json.js';
import { metaOf } from './index.js';
import type { RuleMeta } from './rule.js';

/** `vmcp-admission.toolhive.dev/ignore: lint-bucket-never-binds,lint-deprecated-version` */
export const ignoreAnnotation = 'vmcp-admission.toolhive.dev/ignore';

/** Stages whose checks the API server itself runs (or that decide whether a file can be read at all). */
const enforcedStages: ReadonlySet<string> = new Set(['input', 'document', 'metadata', 'schema', 'cel']);

/** Whether `--disable` may turn a rule off: only our own runtime-parity, lint and render rules. */
export function canDisable(meta: Pick<RuleMeta, 'origin' | 'stage'>): boolean {
  return meta.origin !== 'schema' && meta.origin !== 'cel' && meta.origin !== 'input' && !enforcedStages.has(meta.stage);
}

export type DisableCheck = { readonly ok: true; readonly ids: readonly string[] } | { readonly ok: false; readonly error: string };

/** Checks `--disable` ids: each registered and disableable, else one message saying why. */
export function checkDisable(ids: readonly string[]): DisableCheck {
  for (const id of ids) {
    const meta = metaOf(id);
    if (meta === undefined) return { ok: false, error: `--disable ${id}: no such rule (see 'vmcp-admission rules')` };
    if (!canDisable(meta)) return { ok: false, error: `--disable ${id}: a ${meta.origin} rule the Kubernetes API server enforces itself cannot be disabled (the API server would deny anyway)` };
  }
  return { ok: true, ids: [...new Set(ids)] };
}

/** The rule ids an object's ignore annotation names (empty when absent or not a string). */
export function ignoredIds(object: unknown): ReadonlySet<string> {
  const metadata = isRecord(object) && isRecord(object.metadata) ? object.metadata : undefined;
  const annotations = metadata !== undefined && isRecord(metadata.annotations) ? metadata.annotations : undefined;
  const value = annotations?.[ignoreAnnotation];
  if (typeof value !== 'string') return new Set();
  return new Set(value.split(',').map((s) => s.trim()).filter((s) => s !== ''));
}

export interface Controlled {
  /** The findings that remain. */
  readonly findings: readonly Finding[];
  /** Warnings silenced by the object's ignore annotation. */
  readonly ignored: readonly Finding[];
}

/** Drops findings of disabled rules, and warnings of rules the object's annotation ignores. */
export function applyRuleControl(findings: readonly Finding[], object: unknown, disabled: ReadonlySet<string>): Controlled {
  const ignore = ignoredIds(object);
  if (disabled.size === 0 && ignore.size === 0) return { findings, ignored: [] };
  const kept: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of findings) {
    if (disabled.has(f.rule)) continue;
    if (f.severity === 'warning' && ignore.has(f.rule)) ignored.push(f);
    else kept.push(f);
  }
  return { findings: kept, ignored };
}
