// The API server attaches the CRD version's deprecationWarning to every request for it; the text is
// the CRD's (`toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1`), kept in schemas/ only.
import { makeFinding, type Finding } from '../finding.js';
import type { Rule, RuleContext } from './types.js';

const ID = 'lint-deprecated-version';
const messages = {} as const;

export const lintDeprecatedVersion: Rule = {
  id: ID,
  origin: 'lint',
  severity: 'warning',
  description: "a deprecated served version (v1alpha1): the CRD's deprecationWarning, as the API server sends it",
  messages,
  modes: ['crd', 'strict'],
  check: (ctx: RuleContext): Finding[] => {
    const text = ctx.deprecationWarning;
    if (text === undefined || text === '') return [];
    return [makeFinding({ rule: ID, origin: 'lint', severity: 'warning', path: null, type: 'Warning', detail: text })];
  },
};
