// The API server attaches the CRD version's deprecationWarning to every request for it; the text is
// the CRD's (`toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1`), kept in schemas/ only.
import { defineRule } from './rule.js';

export const lintDeprecatedVersion = defineRule(
  {
    id: 'lint-deprecated-version',
    origin: 'lint',
    severity: 'warning',
    stage: 'rules',
    modes: ['crd', 'strict'],
    description: "a deprecated served version (v1alpha1): the CRD's deprecationWarning, as the API server sends it",
    messages: { crdWarning: '{warning}' },
  },
  (ctx, report) => {
    const text = ctx.deprecationWarning;
    if (text === undefined || text === '') return [];
    return [report('crdWarning', { warning: text }, { path: null, type: 'Warning' })];
  },
);
