// The API server validates a custom resource's metadata.name as a DNS-1123 subdomain before any
// webhook sees it (apiextensions' NameIsDNSSubdomain); an offline check must say so too, and the
// renderer names the ConfigMap after it. generateName alone is enough on create.
import { quoteGo } from '../finding.js';
import { isRecord } from '../spec.js';
import { dns1123SubdomainErrors, dns1123SubdomainMessages, messageIdsOf } from './k8s-names.js';
import { defineRule } from './rule.js';

const PATH = ['metadata', 'name'];

export const metadataName = defineRule(
  {
    id: 'metadata-name',
    origin: 'schema',
    severity: 'error',
    stage: 'metadata',
    modes: ['crd', 'strict'],
    description: 'metadata.name (or generateName) is present and is a DNS-1123 subdomain of at most 253 characters, as the API server requires',
    messages: { required: 'name or generateName is required', ...dns1123SubdomainMessages },
  },
  (ctx, report) => {
    const meta = isRecord(ctx.input.metadata) ? ctx.input.metadata : {};
    const name = meta.name;
    if (name === undefined || name === null || name === '') {
      const generated = typeof meta.generateName === 'string' && meta.generateName !== '';
      return generated ? [] : [report('required', {}, { path: PATH, type: 'Required value' })];
    }
    const text = typeof name === 'string' ? name : JSON.stringify(name);
    const ids = typeof name === 'string' ? messageIdsOf(dns1123SubdomainMessages, dns1123SubdomainErrors(name)) : (['format'] as const);
    return ids.map((id) => report(id, {}, { path: PATH, type: 'Invalid value', value: quoteGo(text) }));
  },
);
