// The CRD's own CEL texts, parsed at generation time (schemas/virtualmcpserver.cel.js, made by
// scripts/cel-output.ts): a cold run decodes a stored AST instead of running the PEG parser.
// src/core/cel and dist/core/cel sit at the same depth, so the relative specifier works from both.
import type { plan } from '@bufbuild/cel';
import { asts } from '../../../schemas/virtualmcpserver.cel.js';

export type ParsedAst = Parameters<typeof plan>[1];

/** Undoes the generator's tagging of what JSON cannot hold (bigint, bytes, undefined, NaN/±Infinity, -0). */
function revive(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i]);
    return v;
  }
  const o = v as Record<string, unknown>;
  if ('$n' in o) return BigInt(o.$n as string);
  if ('$u' in o) return undefined;
  if ('$d' in o) return Number(o.$d);
  if ('$b' in o) return Uint8Array.from(o.$b as number[]);
  for (const k of Object.keys(o)) o[k] = revive(o[k]);
  return o;
}

/** A fresh AST equal to parse(text).expr when `text` is one of the CRD's CEL texts; else undefined. */
export function precompiledAst(text: string): ParsedAst | undefined {
  const json = asts.get(text);
  return json === undefined ? undefined : (revive(JSON.parse(json)) as ParsedAst);
}

/** For tests and the generator: the JSON decoder on its own. */
export function decodeAst(json: string): unknown {
  return revive(JSON.parse(json));
}
