// The one call through which stages that are not rule modules (schema, CEL, document checks, render,
// CLI input) report: a registered id, one of its message ids, the data for the slots and where.
// Origin, severity and stage come from the registry entry.
import type { Finding } from '../contract.js';
import { makeFinding } from '../finding.js';
import { metaOf, type MessageIdOf, type RuleId } from './index.js';
import type { At, MessageData } from './rule.js';

export type { MessageIdOf, RuleId } from './index.js';

export function report<Id extends RuleId>(id: Id, messageId: MessageIdOf<Id>, data: MessageData, at: At): Finding {
  const meta = metaOf(id);
  if (meta === undefined) throw new Error(`rule ${id} is not registered`);
  return makeFinding(meta, messageId, data, at);
}
