// Kubernetes' name syntaxes for ObjectMeta (DNS-1123 subdomain, qualified name, label value) as
// pure checks that return the API server's own detail texts, so offline findings read like its
// denials. Each returns every problem found, in the API server's order; [] when the value is valid.
import { utf8Length } from '../utf8-length.js';

// The regexes are printed in messages, as upstream does; matching is done by the character loops
// below, which accept exactly the same strings in linear time (the nested quantifiers of the
// subdomain regex overflow V8's regex stack on multi-megabyte input).
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_MAX = 63;
const LABEL_VALUE_MAX = 63;
const DNS1123_SUBDOMAIN_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const DNS1123_SUBDOMAIN_MAX = 253;

const isLowerAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const isAlnum = (c: number): boolean => isLowerAlnum(c) || (c >= 0x41 && c <= 0x5a);

/** Non-empty, `ends` at both ends, `inner` everywhere: the shape of every regex here. */
function shaped(s: string, ends: (c: number) => boolean, inner: (c: number) => boolean): boolean {
  if (s === '' || !ends(s.charCodeAt(0)) || !ends(s.charCodeAt(s.length - 1))) return false;
  for (let i = 1; i < s.length - 1; i++) if (!inner(s.charCodeAt(i))) return false;
  return true;
}

/** `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` */
const isQualifiedNamePart = (s: string): boolean => shaped(s, isAlnum, (c) => isAlnum(c) || c === 0x2d || c === 0x5f || c === 0x2e);
/** `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, one dot-separated label of a subdomain. */
const isDns1123Label = (s: string): boolean => shaped(s, isLowerAlnum, (c) => isLowerAlnum(c) || c === 0x2d);
const isDns1123Subdomain = (s: string): boolean => s.split('.').every(isDns1123Label);

/** apimachinery's shape for a regex failure: the rule, examples (joined with its double space), the regex. */
function regexError(message: string, format: string, examples: readonly string[]): string {
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${format}')`;
}

const maxLengthError = (max: number): string => `must be no more than ${max} characters`;
const EMPTY = 'must be non-empty';
const QUALIFIED_NAME_FORMAT = regexError(
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  QUALIFIED_NAME_FMT,
  ['MyName', 'my.name', '123-abc'],
);

/** Every text dns1123SubdomainErrors returns; also the rules' `messages` tables (one copy of each). */
export const dns1123SubdomainMessages = {
  length: maxLengthError(DNS1123_SUBDOMAIN_MAX),
  format: regexError(
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
    DNS1123_SUBDOMAIN_FMT,
    ['example.com'],
  ),
} as const;

const prefixPart = (m: string): string => `prefix part ${m}`;

/** Every text qualifiedNameErrors returns. */
export const qualifiedNameMessages = {
  // Current apimachinery calls a qualified name a label key in this one text (it said "a qualified name" before 2025).
  slashes: `a valid label key ${QUALIFIED_NAME_FORMAT} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
  prefixEmpty: prefixPart(EMPTY),
  prefixLength: prefixPart(dns1123SubdomainMessages.length),
  prefixFormat: prefixPart(dns1123SubdomainMessages.format),
  nameEmpty: `name part ${EMPTY}`,
  nameLength: `name part ${maxLengthError(QUALIFIED_NAME_MAX)}`,
  nameFormat: `name part ${QUALIFIED_NAME_FORMAT}`,
} as const;

/** Every text labelValueErrors returns. */
export const labelValueMessages = {
  length: maxLengthError(LABEL_VALUE_MAX),
  format: regexError(
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    `(${QUALIFIED_NAME_FMT})?`,
    ['MyValue', 'my_value', '12345'],
  ),
} as const;

export function dns1123SubdomainErrors(value: string): string[] {
  const out: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX) out.push(dns1123SubdomainMessages.length);
  if (!isDns1123Subdomain(value)) out.push(dns1123SubdomainMessages.format);
  return out;
}

/** A label key or (lower-cased) annotation key: `[prefix/]name`, prefix a DNS-1123 subdomain. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) return [qualifiedNameMessages.slashes];
  const out: string[] = [];
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') out.push(qualifiedNameMessages.prefixEmpty);
    else out.push(...dns1123SubdomainErrors(prefix).map(prefixPart));
  }
  if (name === '') out.push(qualifiedNameMessages.nameEmpty);
  else if (utf8Length(name) > QUALIFIED_NAME_MAX) out.push(qualifiedNameMessages.nameLength);
  if (!isQualifiedNamePart(name)) out.push(qualifiedNameMessages.nameFormat);
  return out;
}

export function labelValueErrors(value: string): string[] {
  const out: string[] = [];
  if (utf8Length(value) > LABEL_VALUE_MAX) out.push(labelValueMessages.length);
  if (value !== '' && !isQualifiedNamePart(value)) out.push(labelValueMessages.format);
  return out;
}

/**
 * An annotation key: a qualified name in any letter case (upstream lower-cases it first). Go lower-cases
 * rune by rune, so U+0130 (İ) becomes a plain `i`, where JavaScript's full case mapping adds a dot.
 */
export function annotationKeyErrors(key: string): string[] {
  return qualifiedNameErrors(key.replace(/\u0130/g, 'i').toLowerCase());
}

/** The catalog keys of texts a check returned, so a rule reports them by message id. */
export function messageIdsOf<K extends string>(catalog: Readonly<Record<K, string>>, texts: readonly string[]): K[] {
  const keys = Object.keys(catalog) as K[];
  return texts.map((t) => {
    const key = keys.find((k) => catalog[k] === t);
    if (key === undefined) throw new Error(`text not in catalog: ${t}`);
    return key;
  });
}
