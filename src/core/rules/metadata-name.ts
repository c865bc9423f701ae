// The API server validates a custom resource's metadata.name as a DNS-1123 subdomain before any
// webhook sees it (apiextensions' NameIsDNSSubdomain); an offline check must say so too, and the
// renderer names the ConfigMap after it. generateName alone is enough on create.
import { makeFinding, quoteGo, type Finding } from '../finding.js';
import { isRecord } from '../spec.js';
import type { Rule, RuleContext } from './types.js';
import { dns1123SubdomainErrors, dns1123SubdomainMessages } from './k8s-names.js';

const ID = 'metadata-name';
const messages = {
  required: 'name or generateName is required',
  ...dns1123SubdomainMessages,
} as const;

const PATH = ['metadata', 'name'];
const invalid = (name: string, detail: string): Finding => makeFinding({ rule: ID, origin: 'schema', severity: 'error', path: PATH, type: 'Invalid value', value: quoteGo(name), detail });

export const metadataName: Rule = {
  id: ID,
  origin: 'schema',
  severity: 'error',
  description: 'metadata.name (or generateName) is present and is a DNS-1123 subdomain of at most 253 characters, as the API server requires',
  messages,
  modes: ['crd', 'strict'],
  stage: 'metadata',
  check: (ctx: RuleContext): Finding[] => {
    const meta = isRecord(ctx.input.metadata) ? ctx.input.metadata : {};
    const name = meta.name;
    if (name === undefined || name === null || name === '') {
      const generated = typeof meta.generateName === 'string' && meta.generateName !== '';
      return generated ? [] : [makeFinding({ rule: ID, origin: 'schema', severity: 'error', path: PATH, type: 'Required value', detail: messages.required })];
    }
    if (typeof name !== 'string') return [invalid(JSON.stringify(name), messages.format)];
    return dns1123SubdomainErrors(name).map((detail) => invalid(name, detail));
  },
};
