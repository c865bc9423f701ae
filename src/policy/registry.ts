// The policy's one window on the rule registry, kept narrow on purpose: id, origin, stage, severity
// in strict mode, modes and the messages table. Nothing else of a rule is read.
import { rules } from '../core/rules/index.js';

export interface RegistryRule {
  readonly id: string;
  readonly origin: string;
  /** Where the engine runs it: input, document, metadata, schema, cel, rules, render. */
  readonly stage: string;
  /** Severity in strict mode. */
  readonly severity: 'error' | 'warning';
  readonly modes: readonly string[];
  readonly messages: Readonly<Record<string, string>>;
}

type Meta = (typeof rules)[number]['meta'];

function toRegistryRule(m: Meta): RegistryRule {
  const severity = typeof m.severity === 'string' ? m.severity : m.severity.strict;
  return { id: m.id, origin: m.origin, stage: m.stage, severity, modes: m.modes, messages: m.messages };
}

/** Every registered rule, in registry order. */
export function registryRules(): readonly RegistryRule[] {
  return rules.map((r) => toRegistryRule(r.meta));
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
