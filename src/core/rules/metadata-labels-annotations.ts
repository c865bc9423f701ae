// The API server checks every object's label keys and values and its annotation keys and total size
// (ObjectMeta validation) before any webhook runs, so a manifest that breaks them never applies.
// Offline, the same check and the same texts: reported on `metadata.labels` / `metadata.annotations`
// as the API server does, with the offending key's position for the CLI. Values that are not
// strings are metadata-string-maps' to report.
import { makeFinding, quoteGo, type Finding } from '../finding.js';
import { isRecord } from '../spec.js';
import { utf8Length, utf8MaxLength } from '../utf8-length.js';
import { annotationKeyErrors, labelValueErrors, labelValueMessages, qualifiedNameErrors, qualifiedNameMessages } from './k8s-names.js';
import type { Rule, RuleContext } from './types.js';

const ID = 'metadata-labels-annotations';
/** apimachinery's TotalAnnotationSizeLimitB: keys and values together, in bytes. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;
const messages = {
  ...qualifiedNameMessages,
  labelValueLength: labelValueMessages.length,
  labelValueFormat: labelValueMessages.format,
  annotationsSize: `may not be more than ${ANNOTATIONS_MAX_BYTES} bytes`,
} as const;

type Field = 'labels' | 'annotations';

const invalid = (field: Field, key: string, value: string, detail: string): Finding =>
  makeFinding({ rule: ID, origin: 'schema', severity: 'error', path: ['metadata', field, key], field: `metadata.${field}`, type: 'Invalid value', value: quoteGo(value), detail });

function labelFindings(labels: Readonly<Record<string, unknown>>, out: Finding[]): void {
  for (const [k, v] of Object.entries(labels)) {
    for (const detail of qualifiedNameErrors(k)) out.push(invalid('labels', k, k, detail));
    if (typeof v === 'string') for (const detail of labelValueErrors(v)) out.push(invalid('labels', k, v, detail));
  }
}

/** Whether the texts take more than `limit` UTF-8 bytes; counted exactly only when the cheap bound is over. */
function totalBytesOver(texts: readonly string[], limit: number): boolean {
  let bound = 0;
  for (const t of texts) bound += utf8MaxLength(t);
  if (bound <= limit) return false;
  let bytes = 0;
  for (const t of texts) bytes += utf8Length(t);
  return bytes > limit;
}

function annotationFindings(annotations: Readonly<Record<string, unknown>>, out: Finding[]): void {
  const texts: string[] = [];
  for (const [k, v] of Object.entries(annotations)) {
    for (const detail of annotationKeyErrors(k)) out.push(invalid('annotations', k, k, detail));
    texts.push(k);
    if (typeof v === 'string') texts.push(v);
  }
  if (totalBytesOver(texts, ANNOTATIONS_MAX_BYTES)) out.push(makeFinding({ rule: ID, origin: 'schema', severity: 'error', path: ['metadata', 'annotations'], type: 'Too long', detail: messages.annotationsSize }));
}

export const metadataLabelsAnnotations: Rule = {
  id: ID,
  origin: 'schema',
  severity: 'error',
  description: 'label keys and values and annotation keys have the API server\'s syntax (qualified names, 63-character label values); annotations total at most 256 KiB',
  messages,
  modes: ['crd', 'strict'],
  stage: 'metadata',
  check: (ctx: RuleContext): Finding[] => {
    const meta = isRecord(ctx.input.metadata) ? ctx.input.metadata : {};
    const out: Finding[] = [];
    if (isRecord(meta.labels)) labelFindings(meta.labels, out);
    if (isRecord(meta.annotations)) annotationFindings(meta.annotations, out);
    return out;
  },
};
