// The authz document a ConfigMap holds (JSON or YAML): {version, type: cedarv1, cedar: {policies,
// entities_json, group_claim_name, role_claim_name, group_entity_type}}. Returns the cedar options
// or an error text.
import { parse } from 'yaml';
import { isRecord } from './go-types.js';

export function parseAuthzDocument(text: unknown, what: string, key: string): Record<string, unknown> | string {
  if (typeof text !== 'string') return `${what} has no key "${key}"`;
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return `${what} key "${key}": ${(e as Error).message.split('\n')[0]}`;
  }
  if (!isRecord(doc) || doc.type !== 'cedarv1' || !isRecord(doc.cedar)) {
    return `${what} is not a Cedar config: expected type "cedarv1" with a "cedar" section`;
  }
  return doc.cedar;
}
