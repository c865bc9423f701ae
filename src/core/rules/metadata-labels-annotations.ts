// The API server checks every object's label keys and values and its annotation keys and total size
// (ObjectMeta validation) before any webhook runs, so a manifest that breaks them never applies.
// Offline, the same check and the same texts: reported on `metadata.labels` / `metadata.annotations`
// as the API server does, with the offending key's position for the CLI. Values that are not
// strings are metadata-string-maps' to report.
import type { Finding } from '../contract.js';
import { quoteGo } from '../finding.js';
import { isRecord } from '../spec.js';
import { utf8Length, utf8MaxLength } from '../utf8-length.js';
import { annotationKeyErrors, labelValueErrors, labelValueMessages, messageIdsOf, qualifiedNameErrors, qualifiedNameMessages } from './k8s-names.js';
import { defineRule, type Reporter } from './rule.js';

/** apimachinery's TotalAnnotationSizeLimitB: keys and values together, in bytes. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;
const labelValueIds = { length: 'labelValueLength', format: 'labelValueFormat' } as const;
const messages = {
  ...qualifiedNameMessages,
  [labelValueIds.length]: labelValueMessages.length,
  [labelValueIds.format]: labelValueMessages.format,
  annotationsSize: 'may not be more than {limit} bytes',
};
type MessageId = keyof typeof messages;
type Field = 'labels' | 'annotations';

interface Sink {
  readonly report: Reporter<MessageId>;
  readonly out: Finding[];
}

function invalid(sink: Sink, at: { field: Field; key: string; value: string }, ids: readonly MessageId[]): void {
  for (const id of ids) sink.out.push(sink.report(id, {}, { path: ['metadata', at.field, at.key], field: `metadata.${at.field}`, type: 'Invalid value', value: quoteGo(at.value) }));
}

function labelFindings(labels: Readonly<Record<string, unknown>>, sink: Sink): void {
  for (const [k, v] of Object.entries(labels)) {
    invalid(sink, { field: 'labels', key: k, value: k }, messageIdsOf(qualifiedNameMessages, qualifiedNameErrors(k)));
    if (typeof v === 'string') invalid(sink, { field: 'labels', key: k, value: v }, messageIdsOf(labelValueMessages, labelValueErrors(v)).map((id) => labelValueIds[id]));
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

function annotationFindings(annotations: Readonly<Record<string, unknown>>, sink: Sink): void {
  const texts: string[] = [];
  for (const [k, v] of Object.entries(annotations)) {
    invalid(sink, { field: 'annotations', key: k, value: k }, messageIdsOf(qualifiedNameMessages, annotationKeyErrors(k)));
    texts.push(k);
    if (typeof v === 'string') texts.push(v);
  }
  if (totalBytesOver(texts, ANNOTATIONS_MAX_BYTES)) sink.out.push(sink.report('annotationsSize', { limit: ANNOTATIONS_MAX_BYTES }, { path: ['metadata', 'annotations'], type: 'Too long' }));
}

export const metadataLabelsAnnotations = defineRule(
  {
    id: 'metadata-labels-annotations',
    origin: 'schema',
    severity: 'error',
    stage: 'metadata',
    modes: ['crd', 'strict'],
    description: "label keys and values and annotation keys have the API server's syntax (qualified names, 63-character label values); annotations total at most 256 KiB",
    messages,
  },
  (ctx, report) => {
    const meta = isRecord(ctx.input.metadata) ? ctx.input.metadata : {};
    const sink: Sink = { report, out: [] };
    if (isRecord(meta.labels)) labelFindings(meta.labels, sink);
    if (isRecord(meta.annotations)) annotationFindings(meta.annotations, sink);
    return sink.out;
  },
);
