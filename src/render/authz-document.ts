// The authz document a ConfigMap holds (JSON or YAML): {version, type: cedarv1, cedar: {policies,
// entities_json, group_claim_name, role_claim_name, group_entity_type}}. Returns the cedar options
// or why not, as a render-operator-error message id (the texts live in core/rules/render-rules.ts).
import { parse } from 'yaml';
import type { MessageIdOf } from '../core/rules/report.js';
import { isRecord } from './go-types.js';

export type AuthzDocument =
  | { readonly ok: true; readonly cedar: Record<string, unknown> }
  | { readonly ok: false; readonly rule: 'render-operator-error'; readonly messageId: Extract<MessageIdOf<'render-operator-error'>, `authzDocument${string}`>; readonly data: Readonly<Record<string, string>> };

export function parseAuthzDocument(text: unknown): AuthzDocument {
  if (typeof text !== 'string') return { ok: false, rule: 'render-operator-error', messageId: 'authzDocumentMissingKey', data: {} };
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { ok: false, rule: 'render-operator-error', messageId: 'authzDocumentUnparsable', data: { error: (e as Error).message.split('\n')[0] ?? '' } };
  }
  if (!isRecord(doc) || doc.type !== 'cedarv1' || !isRecord(doc.cedar)) return { ok: false, rule: 'render-operator-error', messageId: 'authzDocumentNotCedar', data: {} };
  return { ok: true, cedar: doc.cedar };
}
