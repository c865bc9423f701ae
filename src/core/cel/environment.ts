// The CEL environment Kubernetes gives CRD validation rules, as far as these rules need it: the
// standard library, the strings extension (lowerAscii, ...), and duration() with Go's exact
// time.ParseDuration grammar. Each rule text is parsed and planned once, lazily. The CRD's own
// texts come pre-parsed (precompiled.ts; a cold run skips the PEG parser); any other text (a
// --crd file, a test) is parsed here.
import { celEnv, celFunc, CelScalar, objectType, parse, plan, type CelResult } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { create } from '@bufbuild/protobuf';
import { DurationSchema, type Duration } from '@bufbuild/protobuf/wkt';
import { parseGoDuration } from '../duration.js';
import { precompiledAst } from './precompiled.js';

/** cel-go's text when duration() cannot convert a string (types.String.ConvertToType). */
const DURATION_CONVERSION_ERROR = "type conversion error from 'string' to 'google.protobuf.Duration'";

function goDuration(text: string): Duration {
  const parsed = parseGoDuration(text);
  if (!parsed.ok) throw new Error(DURATION_CONVERSION_ERROR);
  const seconds = parsed.nanoseconds / 1_000_000_000n;
  return create(DurationSchema, { seconds, nanos: Number(parsed.nanoseconds - seconds * 1_000_000_000n) });
}

let env: ReturnType<typeof celEnv> | undefined;

/** Built on first use: a run that evaluates no rule pays nothing for it. */
function environment(): ReturnType<typeof celEnv> {
  env ??= celEnv({ funcs: [...strings, celFunc('duration', [CelScalar.STRING], objectType(DurationSchema), goDuration)] });
  return env;
}

export type Program = (bindings: { self: unknown }) => CelResult;
export type Compiled = { ok: true; program: Program } | { ok: false; error: string };

const cache = new Map<string, Compiled>();

function compile(rule: string): Compiled {
  try {
    const planned = plan(environment(), precompiledAst(rule) ?? parse(rule));
    return { ok: true, program: (b) => planned(b as Parameters<typeof planned>[0]) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The compiled program for a rule text; compiled on first use, then cached by text. */
export function compiled(rule: string): Compiled {
  let c = cache.get(rule);
  if (c === undefined) {
    c = compile(rule);
    cache.set(rule, c);
  }
  return c;
}
