// Findings for tests of the shells (webhook, formatters): made through a registered rule like every
// other finding, with the detail given (the shells never look inside texts).
import { makeFinding, type Finding } from '../../src/core/finding.js';
import { metaOf, type RuleId } from '../../src/core/rules/index.js';
import type { At } from '../../src/core/rules/rule.js';

export function findingOf(rule: RuleId, at: At & { readonly detail: string }): Finding {
  const meta = metaOf(rule)!;
  return makeFinding(meta, Object.keys(meta.messages)[0]!, {}, at);
}
