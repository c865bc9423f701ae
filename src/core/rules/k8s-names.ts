// Kubernetes' name syntaxes for ObjectMeta (DNS-1123 subdomain, qualified name, label value) as
// pure checks that return the API server's own detail texts, so offline findings read like its
// denials. Each returns every problem found, in the API server's order; [] when the value is valid.
import { utf8Length } from '../utf8-length.js';

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MAX = 63;
const LABEL_VALUE = new RegExp(`^(${QUALIFIED_NAME_FMT})?$`);
const LABEL_VALUE_MAX = 63;
const DNS1123_SUBDOMAIN_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_SUBDOMAIN_MAX = 253;

/** apimachinery's shape for a regex failure: the rule, examples (joined with its double space), the regex. */
function regexError(message: string, format: string, examples: readonly string[]): string {
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${format}')`;
}

export const maxLengthError = (max: number): string => `must be no more than ${max} characters`;
export const emptyError = 'must be non-empty';
const QUALIFIED_NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_EXAMPLES = ['MyName', 'my.name', '123-abc'];

export const dns1123SubdomainFormatError = regexError(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  DNS1123_SUBDOMAIN_FMT,
  ['example.com'],
);

export const labelValueFormatError = regexError(
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  `(${QUALIFIED_NAME_FMT})?`,
  ['MyValue', 'my_value', '12345'],
);

export const qualifiedNameFormatError = regexError(QUALIFIED_NAME_RULE, QUALIFIED_NAME_FMT, QUALIFIED_NAME_EXAMPLES);
// Current apimachinery calls a qualified name a label key in this one text (it said "a qualified name" before 2025).
export const qualifiedNameSlashesError = `a valid label key ${qualifiedNameFormatError} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`;

export function dns1123SubdomainErrors(value: string): string[] {
  const out: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX) out.push(maxLengthError(DNS1123_SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN.test(value)) out.push(dns1123SubdomainFormatError);
  return out;
}

/** A label key or (lower-cased) annotation key: `[prefix/]name`, prefix a DNS-1123 subdomain. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) return [qualifiedNameSlashesError];
  const out: string[] = [];
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') out.push(`prefix part ${emptyError}`);
    else out.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`));
  }
  if (name === '') out.push(`name part ${emptyError}`);
  else if (utf8Length(name) > QUALIFIED_NAME_MAX) out.push(`name part ${maxLengthError(QUALIFIED_NAME_MAX)}`);
  if (!QUALIFIED_NAME.test(name)) out.push(`name part ${qualifiedNameFormatError}`);
  return out;
}

export function labelValueErrors(value: string): string[] {
  const out: string[] = [];
  if (utf8Length(value) > LABEL_VALUE_MAX) out.push(maxLengthError(LABEL_VALUE_MAX));
  if (!LABEL_VALUE.test(value)) out.push(labelValueFormatError);
  return out;
}
