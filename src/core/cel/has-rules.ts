// Whether a schema subtree carries any x-kubernetes-validations rule, computed once per schema node:
// the walk skips the rest (metadata, most of spec), which is most of a document.
import { subtreeTest } from '../schema/fields.js';

export const hasRules = subtreeTest((s) => (s['x-kubernetes-validations'] ?? []).length > 0);
