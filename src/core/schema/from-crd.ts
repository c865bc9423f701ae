// `--crd FILE`: the same conversion as scripts/generate-schemas.ts, at run time, plus ajv
// compilation. This module is the only run-time importer of ajv: callers import it lazily
// (only when --crd is given), so ordinary runs load neither ajv nor a CRD.
import { Ajv } from 'ajv';
import { parseAllDocuments } from 'yaml';
import type { CompiledVersion, SchemaProvider } from '../validate.js';
import { convertCrd, type ExpectedKind } from './convert-crd.js';
import { formatCheck } from './formats.js';
import { makeProvider } from './provider.js';

export type CrdLoadResult = { ok: true; provider: SchemaProvider } | { ok: false; error: string };

const EXPECTED = { group: 'toolhive.stacklok.dev', kind: 'VirtualMCPServer' } as const;

function formatsOf(schema: unknown, into: Record<string, (s: string) => boolean>): Record<string, (s: string) => boolean> {
  if (Array.isArray(schema)) schema.forEach((s) => formatsOf(s, into));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [k, v] of Object.entries(schema)) {
      const check = k === 'format' && typeof v === 'string' ? formatCheck(v) : undefined;
      if (check !== undefined) into[v as string] = check;
      else formatsOf(v, into);
    }
  }
  return into;
}

/** Whether a document is the expected kind's CRD (a file may bundle several CRDs). */
function isOurCrd(doc: unknown, expected: ExpectedKind): boolean {
  const spec = (doc as { spec?: { group?: unknown; names?: { kind?: unknown } } } | null)?.spec;
  return spec?.group === expected.group && spec.names?.kind === expected.kind;
}

/** The expected kind's CRD document of the file (else the first one), or why there is none. */
function firstDocument(text: string, expected: ExpectedKind): unknown {
  const docs = parseAllDocuments(text);
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err !== undefined) {
      const at = err.linePos?.[0];
      return new Error(`not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
  }
  const contents = docs.map((d) => d.toJS({ maxAliasCount: 1000 }) as unknown).filter((d) => d !== null && d !== undefined);
  return contents.find((d) => isOurCrd(d, expected)) ?? contents[0] ?? new Error('no YAML document found (empty file), expected a CustomResourceDefinition');
}

function compile(ajv: Ajv, schema: Record<string, unknown>, version: string): CompiledVersion['validate'] {
  try {
    return ajv.compile(schema);
  } catch (e) {
    throw new Error(`version ${version}: schema not usable for validation: ${(e as Error).message}`);
  }
}

/** `--crd FILE`: the CRD of `expected` (VirtualMCPServer unless told) in a YAML/JSON text, compiled. */
export function schemasFromCrdText(text: string, source: string, expected: ExpectedKind = EXPECTED): CrdLoadResult {
  const doc = firstDocument(text, expected);
  if (doc instanceof Error) return { ok: false, error: `${source}: ${doc.message}` };
  return schemasFromCrd(doc, source, expected);
}

/** A decoded CRD object (a file's, or the one installed in the cluster), compiled. */
export function schemasFromCrd(doc: unknown, source: string, expected: ExpectedKind = EXPECTED): CrdLoadResult {
  const converted = convertCrd(doc, expected);
  if (!converted.ok) return { ok: false, error: `${source}: ${converted.error}` };
  const ajv = new Ajv({ allErrors: true, strict: false, formats: formatsOf(converted.versions.map((v) => v.ajvSchema), {}) });
  try {
    // Versions with identical schemas (v1alpha1 and v1beta1 today) share one compiled validator.
    const byText = new Map<string, CompiledVersion['validate']>();
    const compiled = converted.versions.map((v) => {
      const text = JSON.stringify(v.ajvSchema);
      const validate = byText.get(text) ?? compile(ajv, v.ajvSchema, v.meta.version);
      byText.set(text, validate);
      return { meta: v.meta, validate };
    });
    return { ok: true, provider: makeProvider(compiled) };
  } catch (e) {
    return { ok: false, error: `${source}: ${(e as Error).message}` };
  }
}
