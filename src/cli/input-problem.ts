// An input problem (a file, a YAML text or a List item the engine cannot judge) as data: a rule of the
// registry's input stage, one of its message ids and the slots. The texts live in
// src/core/rules/input-rules.ts; findings are made by report() like every other stage's.
import type { Finding } from '../core/finding.js';
import type { inputRules } from '../core/rules/input-rules.js';
import { report, type MessageIdOf } from '../core/rules/report.js';
import type { MessageData } from '../core/rules/rule.js';

export type InputRuleId = (typeof inputRules)[number]['meta']['id'];

export interface ProblemOf<Id extends InputRuleId> {
  readonly rule: Id;
  readonly messageId: MessageIdOf<Id>;
  readonly data: MessageData;
}

/** A problem of one of the given input rules (all of them by default). */
export type InputProblem<Id extends InputRuleId = InputRuleId> = { readonly [K in Id]: ProblemOf<K> }[Id];

/** The finding of a problem: an object-level `Invalid value` of its input rule (the CLI adds the position). */
export function problemFinding<Id extends InputRuleId>(p: ProblemOf<Id>): Finding {
  return report(p.rule, p.messageId, p.data, { path: null, type: 'Invalid value' });
}

/** The problem's text, from its rule's template. */
export const problemText = <Id extends InputRuleId>(p: ProblemOf<Id>): string => problemFinding(p).detail;
