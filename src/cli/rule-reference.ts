// One rule as the reference shows it (`vmcp-admission rules`, SARIF `help`/`helpUri`): the registry's
// meta, whether `--disable` may turn it off, its failing example and its README anchor.
import { homepage } from '../build-info.js';
import { severityIn } from '../core/finding.js';
import type { RuleId } from '../core/rules/index.js';
import type { RuleMeta } from '../core/rules/rule.js';
import { canDisable } from '../core/rules/control.js';
import { ruleDocs } from './rule-docs.js';

export interface RuleEntry {
  readonly id: string;
  readonly origin: string;
  /** Severity in the default (strict) mode. */
  readonly severity: 'error' | 'warning';
  readonly severityByMode: { readonly strict: 'error' | 'warning'; readonly crd: 'error' | 'warning' };
  readonly stage: string;
  readonly modes: readonly string[];
  readonly disableable: boolean;
  readonly description: string;
  readonly why?: string;
  readonly example: string;
  readonly helpUri: string;
}

/** The README anchor of a rule's row in the rules table (scripts/generate-rules-doc.ts writes it). */
export const ruleAnchor = (id: string): string => `rule-${id}`;
export const helpUri = (id: string): string => `${homepage.replace(/#.*$/, '')}#${ruleAnchor(id)}`;

export function ruleEntry(meta: RuleMeta): RuleEntry {
  const doc = ruleDocs[meta.id as RuleId];
  return {
    id: meta.id,
    origin: meta.origin,
    severity: severityIn(meta, 'strict'),
    severityByMode: { strict: severityIn(meta, 'strict'), crd: severityIn(meta, 'crd') },
    stage: meta.stage,
    modes: meta.modes,
    disableable: canDisable(meta),
    description: meta.description,
    ...(doc?.why === undefined ? {} : { why: doc.why }),
    example: doc?.example ?? '',
    helpUri: helpUri(meta.id),
  };
}

/** Plain-text help: the description, why, and the failing example (SARIF `help.text`, `rules ID`). */
export function helpText(e: RuleEntry): string {
  const example = e.example.split('\n').map((l) => `    ${l}`).join('\n');
  return `${e.description}${e.why === undefined ? '' : `\n${e.why}`}\n\nFailing example:\n${example}\n`;
}
