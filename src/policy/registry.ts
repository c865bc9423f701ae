// The policy's one window on the rule registry, kept narrow on purpose: id, origin, severity in
// strict mode, modes and the messages table. Nothing else of a rule is read.
import { rules } from '../core/rules/index.js';

export interface RegistryRule {
  readonly id: string;
  readonly origin: string;
  /** Severity in strict mode. */
  readonly severity: 'error' | 'warning';
  readonly modes: readonly string[];
  readonly messages: Readonly<Record<string, string>>;
}

interface MetaLike {
  readonly id: string;
  readonly origin: string;
  readonly severity: 'error' | 'warning' | Readonly<Record<string, 'error' | 'warning'>>;
  readonly modes: readonly string[];
  readonly messages: Readonly<Record<string, string>>;
}

/** A registry entry's metadata, whether the entry is the meta itself or carries it as `meta`. */
function metaOf(entry: unknown): MetaLike {
  const e = entry as { readonly meta?: MetaLike };
  return e.meta ?? (entry as MetaLike);
}

function toRegistryRule(m: MetaLike): RegistryRule {
  const severity = typeof m.severity === 'string' ? m.severity : m.severity.strict ?? 'error';
  return { id: m.id, origin: m.origin, severity, modes: m.modes, messages: m.messages };
}

/** Every registered rule, in registry order. */
export function registryRules(): readonly RegistryRule[] {
  return (rules as readonly unknown[]).map((r) => toRegistryRule(metaOf(r)));
}

/** One rule by id; throws when the registry no longer has it (the policy table must follow). */
export function registryRule(id: string): RegistryRule {
  const r = registryRules().find((x) => x.id === id);
  if (r === undefined) throw new Error(`policy: rule ${id} is not in the registry`);
  return r;
}

/** A message template of a rule; throws when the rule has no such message. */
export function messageOf(id: string, key: string): string {
  const text = registryRule(id).messages[key];
  if (text === undefined) throw new Error(`policy: rule ${id} has no message ${key}`);
  return text;
}
