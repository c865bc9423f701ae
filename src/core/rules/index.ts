// THE registry (engine work fills it): ordered, ids unique; webhook, CLI and renderer read only this.
import type { Rule } from './types.js';

export const rules: readonly Rule[] = [];
